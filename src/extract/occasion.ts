/**
 * The occasion: a reference event the meeting took place at ("Regional Council of Foreign Ministers,
 * Riverton"), else the words after "on the sidelines of" in the sentence reporting the meeting.
 */
import type { Knowledge } from '../knowledge/index.ts';
import type { EventMention } from './events.ts';
import type { MeetingSentence } from './meeting.ts';

export interface OccasionFinding {
  occasion: string | null;
  eventId: string | null;
  evidence: { line: number; text: string }[];
}

function tidy(phrase: string): string {
  let text = phrase
    .replace(/\s+(?:in|at|в)\s+[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)*\s*$/u, '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .trim();
  text = text.replace(/[.,;:]+$/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function findOccasion(primary: MeetingSentence | null, meetings: MeetingSentence[], events: EventMention[], knowledge: Knowledge): OccasionFinding {
  const occasion = events.find((e) => e.role === 'occasion');
  if (occasion) {
    const place = knowledge.placeById.get(occasion.event.place)!;
    return {
      occasion: `${occasion.event.name}, ${place.name}`,
      eventId: occasion.event.id,
      evidence: [{ line: occasion.sentence.line, text: occasion.sentence.text }],
    };
  }
  const ordered = primary ? [primary, ...meetings.filter((m) => m !== primary)] : meetings;
  for (const m of ordered) {
    const marker = knowledge.words.occasionMarkers.find(m.sentence.text)[0];
    if (!marker) continue;
    const after = m.sentence.text.slice(marker.end).trim();
    // The occasion runs to the first clause break.
    const phrase = after.split(/,|;|\s[—–-]\s|\s(?:which|where|as|and the|when|who)\s|\.(?:\s|$)/u)[0]!;
    const words = phrase.split(/\s+/).length;
    if (words < 2 || words > 20) continue;
    return { occasion: tidy(phrase), eventId: null, evidence: [{ line: m.sentence.line, text: m.sentence.text }] };
  }
  return { occasion: null, eventId: null, evidence: [] };
}
