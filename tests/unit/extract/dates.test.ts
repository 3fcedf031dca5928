// resolveMeetingDate through extractMeeting: each row a small report and the day it settles.
import { describe, expect, it } from 'vitest';
import { extractMeeting, readReport } from '../../../src/extract/index.ts';
import { projectKnowledge } from './fixtures.ts';

function dateOf(text: string, options: { sidecarDate?: string; corpusReferenceDate?: string } = {}) {
  const knowledge = projectKnowledge();
  const doc = readReport('case', text, knowledge);
  const x = extractMeeting(doc, {
    seed: 'case',
    knowledge,
    sidecar: options.sidecarDate ? { published: options.sidecarDate } : null,
    corpusReferenceDate: options.corpusReferenceDate ?? null,
  });
  return { date: x.date.date, basis: x.date.basis, note: x.date.note, rules: x.diagnostics.map((d) => d.rule) };
}

const met = 'Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi';

describe('resolveMeetingDate', { timeout: 60_000 }, () => {
  const rows: [string, string, { sidecarDate?: string; corpusReferenceDate?: string }, string | null, string][] = [
    ['a full date in the sentence', `${met} in Beijing on 9 April 2024.`, {}, '2024-04-09', 'explicit'],
    ['a full date in the dateline', `BEIJING, April 9, 2024 (Xinhua) -- ${met} here on Tuesday.`, {}, '2024-04-09', 'dateline'],
    ['year only in the page header', `Monday, March 22, 2021\n\nGUILIN, China, March 22 — ${met} on Monday in Guilin.`, {}, '2021-03-22', 'dateline'],
    ['copyright year confirmed by the weekday', `TUNXI, China, March 30 (CWS) - ${met} on Wednesday in Tunxi.\n\n© 2022 Continental Wire Service`, {}, '2022-03-30', 'dateline'],
    ['copyright year the weekday contradicts is not used', `TUNXI, China, March 30 (CWS) - ${met} on Thursday in Tunxi.\n\n© 2022 Continental Wire Service`, {}, null, 'unresolved'],
    ['a weekday, the page date a few days later', `April 10, 2024\n\n${met} in Beijing on Monday.`, {}, '2024-04-08', 'dateline'],
    ['a future weekday is not the meeting day', `Published 10 June 2024\n\nNIZHNY NOVGOROD, June 10 — ${met} on Monday. On Tuesday they will meet again.`, {}, '2024-06-10', 'dateline'],
    ['the sidecar publication year', `On March 2, ${met} in New Delhi.`, { sidecarDate: '2023-03-03' }, '2023-03-02', 'sidecar'],
    ['a weekday and the collection reference date', `On July 13, ${met} in Jakarta on Thursday.`, { corpusReferenceDate: '2024-11-15' }, '2023-07-13', 'weekday'],
    ['an event beats the latest year with the weekday', `On April 25, ${met} in Beijing on Thursday on the margins of the Belt and Road Forum.`, { corpusReferenceDate: '2025-06-01' }, '2019-04-25', 'knowledge'],
    ['an event at the meeting place', `On May 20, ${met} on the sidelines of the SCO Council of Foreign Ministers meeting in Astana.`, {}, '2024-05-20', 'knowledge'],
    ['a series event that fits several years stays open', `On September 22, ${met} in New York on the sidelines of the UN General Assembly.`, {}, null, 'unresolved'],
    ['…until the weekday picks one year', `On Thursday, September 22, ${met} in New York on the sidelines of the UN General Assembly.`, {}, '2022-09-22', 'knowledge'],
    ['a numbered session names one year', `On September 21, ${met} in New York on the sidelines of the 78th session of the UN General Assembly.`, {}, '2023-09-21', 'knowledge'],
    ['"this March" and a recalled state visit', `On September 18, ${met} in Moscow. Lavrov said that this March, President Xi Jinping paid a state visit to Russia.`, {}, '2023-09-18', 'knowledge'],
    ['"yesterday" and the page date', `Updated: 21 May 2024, 09:40\n\n${met} yesterday in Beijing.`, {}, '2024-05-20', 'dateline'],
    // negative cases: nothing settles the year, so no date — never a guess
    ['"yesterday" without a page date', `${met} yesterday in Beijing.`, {}, null, 'unresolved'],
    ['day and month alone', `On March 5, ${met} in Beijing.`, {}, null, 'unresolved'],
    ['a weekday alone', `${met} in Beijing on Monday.`, {}, null, 'unresolved'],
    ['a tracker date in a script is not the page date', `<html><body><script>var x={"dateModified":"2023-10-19"}</script><p>BEIJING — ${met} on Wednesday on the margins of a forum in Beijing, officials said.</p></body></html>`, {}, null, 'unresolved'],
    ['a weekday the participants could not have met on is no answer', `On July 13, Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Qin Gang in Jakarta on Sunday.`, { corpusReferenceDate: '2025-01-01' }, null, 'unresolved'],
  ];
  for (const [name, text, options, date, basis] of rows) {
    it(name, () => {
      const found = dateOf(text, options);
      expect({ date: found.date, basis: found.basis }).toEqual({ date, basis });
      expect(found.note.length).toBeLessThan(240);
      if (date === null) expect(found.rules.some((r) => r.startsWith('date/'))).toBe(true);
    });
  }

  it('warns when the weekday disagrees with a stated date', () => {
    expect(dateOf(`${met} in Beijing on Friday, 9 April 2024.`).rules).toContain('date/weekday-mismatch');
  });

  it('quotes the few words that gave the date, not whole sentences', () => {
    const { note } = dateOf(`Friday, 15 November 2024\n\n${met} at a meeting on the sidelines of the conference "Central and South Asia: Regional Connectivity" in Tashkent.\n\nThe ministry said in a statement on Thursday that a thorough exchange of views on many long and winding topics took place between the two sides.`);
    expect(note).toContain('"on Thursday"');
    expect(note).not.toContain('thorough exchange');
  });
});
