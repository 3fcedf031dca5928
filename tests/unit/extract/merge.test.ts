import { describe, expect, it } from 'vitest';
import { convertCollection } from '../../../src/convert/collection.ts';
import { projectKnowledge } from './fixtures.ts';

const seed = (id: string, text: string) => ({ id, bytes: new TextEncoder().encode(text), sidecar: null });
const dated = seed('a-dated', 'JAKARTA, 13 July 2023 — Russian Foreign Minister Sergey Lavrov met Chinese diplomat Wang Yi in Jakarta on Thursday.');
const undated = seed('b-undated', 'On July 13 local time, Wang Yi met with Russian Foreign Minister Sergey Lavrov in Jakarta.');
const other = seed('c-other-day', 'JAKARTA, 14 July 2023 — Russian Foreign Minister Sergey Lavrov met Wang Yi in Jakarta on Friday.');
const elsewhere = seed('d-elsewhere', 'BEIJING, 13 July 2023 — Russian Foreign Minister Sergey Lavrov met Wang Yi in Beijing on Thursday.');

describe('assembleMeetings', { timeout: 60_000 }, () => {
  it('merges two reports of one meeting; the dated one settles the date', () => {
    const r = convertCollection([dated, undated], projectKnowledge());
    expect(r.meetings.map((m) => [m.meeting.slug, m.seeds])).toEqual([['2023-07-13-jakarta', ['a-dated', 'b-undated']]]);
    expect(r.meetings[0]!.meeting.sources.map((s) => s.seed)).toEqual(['a-dated', 'b-undated']);
    expect(r.report.map((x) => x.status)).toEqual(['converted', 'merged']);
  });

  it('does not depend on the order seeds are read in', () => {
    const forward = convertCollection([dated, undated, other, elsewhere], projectKnowledge());
    const backward = convertCollection([elsewhere, other, undated, dated], projectKnowledge());
    expect([...backward.files.entries()]).toEqual([...forward.files.entries()]);
  });

  // negative cases: another day or another place is another meeting
  it('keeps another day and another place apart', () => {
    const r = convertCollection([dated, other, elsewhere], projectKnowledge());
    expect(r.meetings.map((m) => m.meeting.slug).sort()).toEqual(['2023-07-13-beijing', '2023-07-13-jakarta', '2023-07-14-jakarta']);
  });

  it('names an undated meeting by place and hash, never by a guessed date', () => {
    const r = convertCollection([seed('x', 'On March 5, Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Beijing.')], projectKnowledge());
    const m = r.meetings[0]!.meeting;
    expect(m.slug).toMatch(/^undated-beijing-[0-9a-f]{6}$/);
    expect([m.date, m.dateBasis]).toEqual([null, 'unresolved']);
    expect(m.warnings.join(' ')).toMatch(/date\/year-unresolved/);
  });
});
