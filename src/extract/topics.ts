/**
 * Topics: cues of content/topics.yaml found as whole words in the headline and the report's
 * sentences (never page furniture). Each topic keeps the sentence that gave it, as evidence.
 */
import type { Knowledge } from '../knowledge/index.ts';
import type { ReportDocument } from './document.ts';

export interface TopicHit {
  topic: string;
  cue: string;
  line: number;
  text: string;
}

/** At most this many sentences are kept as evidence for one topic in one report. */
const evidencePerTopic = 3;

export function findTopics(doc: ReportDocument, knowledge: Knowledge): TopicHit[] {
  const hits: TopicHit[] = [];
  const count = new Map<string, number>();
  for (const sentence of doc.sentences) {
    const seenHere = new Set<string>();
    for (const hit of knowledge.topicCues.find(sentence.text)) {
      const slug = hit.value.slug;
      if (seenHere.has(slug) || (count.get(slug) ?? 0) >= evidencePerTopic) continue;
      seenHere.add(slug);
      count.set(slug, (count.get(slug) ?? 0) + 1);
      hits.push({ topic: slug, cue: hit.text, line: sentence.line, text: sentence.text });
    }
  }
  return hits;
}

/** Topic slugs in the order of content/topics.yaml. */
export function orderTopics(slugs: Iterable<string>, knowledge: Knowledge): string[] {
  const wanted = new Set(slugs);
  return knowledge.topics.map((t) => t.slug).filter((s) => wanted.has(s));
}
