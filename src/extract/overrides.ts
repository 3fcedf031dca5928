/**
 * Curators' corrections from content/overrides.yaml, applied to a report's extraction. Each
 * keeps its reason, which the page shows; a date correction has basis `override`.
 */
import type { Knowledge } from '../knowledge/index.ts';
import type { ReportExtraction } from './index.ts';
import { roleOn } from './people.ts';

export function applyOverrides(x: ReportExtraction, knowledge: Knowledge): { extraction: ReportExtraction; problems: string[] } {
  const problems: string[] = [];
  let out = x;
  for (const o of knowledge.overrides.filter((o) => o.seed === x.seed)) {
    const note = `Corrected by an editor: ${o.reason}`;
    switch (o.field) {
      case 'date': {
        if (typeof o.value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(o.value)) {
          problems.push(`override for ${o.seed}: date must be YYYY-MM-DD`);
          break;
        }
        out = { ...out, date: { ...out.date, date: o.value, basis: 'override', note, warnings: [] }, diagnostics: out.diagnostics.filter((d) => !d.rule.startsWith('date/')) };
        out = { ...out, participants: out.participants.map((p) => {
          const person = knowledge.personById.get(p.id);
          return person ? { ...p, role: roleOn(person, o.value as string) ?? p.role } : p;
        }) };
        break;
      }
      case 'location': {
        const place = typeof o.value === 'string' ? knowledge.placeById.get(o.value) : undefined;
        if (!place) {
          problems.push(`override for ${o.seed}: location must be a place id from places.yaml`);
          break;
        }
        out = { ...out, place: { ...out.place, place, country: place.country, how: 'meeting-sentence', note, words: place.name }, diagnostics: out.diagnostics.filter((d) => !d.rule.startsWith('place/')) };
        break;
      }
      case 'occasion':
        out = { ...out, occasion: { occasion: typeof o.value === 'string' ? o.value : null, eventId: null, evidence: [] } };
        break;
      case 'outlet':
        out = { ...out, outlet: typeof o.value === 'string' ? o.value : null };
        break;
      case 'notMeeting':
        if (o.value === true) out = { ...out, isMeeting: false, reasons: [note] };
        break;
      case 'participants': {
        const ids = Array.isArray(o.value) ? o.value : [];
        const people = ids.map((id) => knowledge.personById.get(String(id)));
        if (people.some((p) => !p)) {
          problems.push(`override for ${o.seed}: participants must be person ids from people.yaml`);
          break;
        }
        out = { ...out, participants: people.map((p) => ({ name: p!.name, role: roleOn(p!, out.date.date), country: p!.country, id: p!.id })) };
        break;
      }
      case 'topics': {
        const slugs = Array.isArray(o.value) ? o.value.map(String) : [];
        out = { ...out, topics: slugs.map((topic) => ({ topic, cue: '(editor)', line: 0, text: note })) };
        break;
      }
    }
  }
  return { extraction: out, problems };
}
