import { describe, expect, it } from 'vitest';
import { extractMeeting, readReport } from '../../../src/extract/index.ts';
import { projectKnowledge } from './fixtures.ts';

function occasionOf(text: string) {
  const knowledge = projectKnowledge();
  const x = extractMeeting(readReport('x', text, knowledge), { seed: 'x', knowledge, sidecar: null, corpusReferenceDate: null });
  return { occasion: x.occasion.occasion, event: x.occasion.eventId, date: x.date.date };
}

const met = 'Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi';

describe('occasion and reference events', { timeout: 60_000 }, () => {
  const rows: [string, string, { occasion: string | null; event: string | null; date: string | null }][] = [
    ['an event at the meeting place', `On May 4, 2023, ${met} in Goa on the sidelines of the SCO Council of Foreign Ministers.`, { occasion: 'SCO Council of Foreign Ministers, Goa', event: 'sco-cfm-2023-goa', date: '2023-05-04' }],
    ['the event of the settled date among a series at one place', `On July 13, 2023, ${met} in Jakarta on the sidelines of ASEAN events.`, { occasion: "ASEAN-related Foreign Ministers' Meetings, Jakarta", event: 'asean-fmm-2023-jakarta', date: '2023-07-13' }],
    ['words after "on the sidelines of" when no event is known', `On 2 June 2021, ${met} in Sochi on the sidelines of the Primakov Readings forum.`, { occasion: 'Primakov Readings forum', event: null, date: '2021-06-02' }],
    // negative cases: an event named but held elsewhere is not the occasion
    ['an event elsewhere', `On 5 April 2024, ${met} in Beijing to prepare the SCO summit in Astana.`, { occasion: null, event: null, date: '2024-04-05' }],
    ['an event of another month', `On September 18, ${met} in Moscow. This May, President Xi Jinping paid a state visit to Russia.`, { occasion: null, event: null, date: null }],
  ];
  for (const [name, text, expected] of rows) it(name, () => expect(occasionOf(text)).toEqual(expected));
});
