import { describe, expect, it } from 'vitest';
import { readReport } from '../../../src/extract/index.ts';
import { findOutlet } from '../../../src/extract/outlet.ts';
import { projectKnowledge } from './fixtures.ts';

const body = 'Russian Foreign Minister Sergey Lavrov and Chinese Foreign Minister Wang Yi met on Thursday and discussed many questions.';
const outlet = (text: string) => findOutlet(readReport('x', text, projectKnowledge()), projectKnowledge()).outlet;

describe('findOutlet', { timeout: 60_000 }, () => {
  const rows: [string, string, string | null][] = [
    ['a TASS dateline', `MOSCOW, July 13./TASS/. ${body}`, 'TASS'],
    ['an agency code in outlets.yaml', `Samarkand, 14 April 2023 (TDI): ${body}`, 'The Diplomatic Insight'],
    ['a code spelled out by the masthead', `Pacific Wire | 2 min read\n\nBEIJING, Feb. 28, 2025 (PW) — ${body}`, 'Pacific Wire'],
    ['a code spelled out by the copyright line', `TUNXI, China, March 30 (CWS) - ${body}\n\n© 2022 Continental Wire Service. All rights reserved.`, 'Continental Wire Service'],
    ['a Source: line', `${body}\n\nSource: TASS`, 'TASS'],
    ['a Russian source line', `${body}\n\nИсточник: РИА Новости`, 'RIA Novosti'],
    ['a headline suffix', `Wang Yi meets Russian Foreign Minister Sergei Lavrov – Dainik Savera Times\n\n${body}`, 'Dainik Savera Times'],
    ['a copyright line with a dot separator', `${body}\n\n© 2022 Island Courier · Privacy`, 'Island Courier'],
    ['a masthead in capitals', `GLOBAL AFFAIRS MONITOR\nMenu   Search\n\nLavrov and Wang Yi confer on General Assembly sidelines\n\n${body}`, 'Global Affairs Monitor'],
    // negative cases
    ['nothing printed', `Wang Yi Meets with Russian Foreign Minister Sergey Lavrov\n\n${body}`, null],
    ['a credits line is the last resort, not a copyright-less guess', `${body}\n\n(Credits- China Media Group, Beijing)`, 'China Media Group'],
  ];
  for (const [name, text, expected] of rows) it(name, () => expect(outlet(text)).toBe(expected));
});
