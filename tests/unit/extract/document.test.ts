import { describe, expect, it } from 'vitest';
import { findOpeningDateline, splitSentences } from '../../../src/extract/document.ts';
import { readReport } from '../../../src/extract/index.ts';
import { projectKnowledge } from './fixtures.ts';

describe('findOpeningDateline', { timeout: 60_000 }, () => {
  const rows: [string, { placeText: string; rest: string; code: string | null } | null][] = [
    ['MOSCOW, July 13./TASS/. Russian Foreign Minister Sergey Lavrov met…', { placeText: 'MOSCOW', rest: 'July 13', code: 'TASS' }],
    ['TUNXI, China, March 30 (CWS) - Russian Foreign Minister Sergey Lavrov…', { placeText: 'TUNXI', rest: 'China, March 30', code: 'CWS' }],
    ['Samarkand, 14 April 2023 (TDI): Foreign Minister of Russia Sergey Lavrov…', { placeText: 'Samarkand', rest: '14 April 2023', code: 'TDI' }],
    ['BEIJING — Russian Foreign Minister Sergey Lavrov and…', { placeText: 'BEIJING', rest: '', code: null }],
    ['NEW YORK — Russian Foreign Minister Sergey Lavrov met…', { placeText: 'NEW YORK', rest: '', code: null }],
    // negative cases: a sentence that is not a dateline
    ['Russian Foreign Minister Sergey Lavrov said: "We agreed."', null],
    ['The two ministers met on Monday - and agreed to talk again.', null],
  ];
  for (const [text, expected] of rows) {
    it(text.slice(0, 40), () => {
      const found = findOpeningDateline(text, projectKnowledge());
      if (expected === null) expect(found).toBeNull();
      else expect(found).toMatchObject(expected);
    });
  }
});

describe('splitSentences', () => {
  const rows: [string, string[]][] = [
    ['Lavrov met Wang. They talked.', ['Lavrov met Wang.', 'They talked.']],
    ['Mr. Lavrov met the U.S. envoy. Then he left.', ['Mr. Lavrov met the U.S. envoy.', 'Then he left.']],
    ['The conference "Central and South Asia: Regional Connectivity. Challenges and Opportunities" opened.', ['The conference "Central and South Asia: Regional Connectivity. Challenges and Opportunities" opened.']],
    ['Встреча прошла 9 апреля. Министры обсудили Украину.', ['Встреча прошла 9 апреля.', 'Министры обсудили Украину.']],
  ];
  for (const [text, sentences] of rows) it(text.slice(0, 40), () => expect(splitSentences(text).map((s) => s.text)).toEqual(sentences));
});

describe('readReport', () => {
  it('finds the headline, a standalone dateline and the zones', () => {
    const doc = readReport('x', ['THE COASTAL HERALD', 'Lavrov, Qin Gang hold talks in Goa on SCO sidelines', 'Benaulim (Goa), 4 May 2023', 'Russian Foreign Minister Sergey Lavrov met his Chinese counterpart Qin Gang on Thursday in Goa, officials said today.', '© 2023 The Coastal Herald'].join('\n\n'), projectKnowledge());
    expect(doc.headline).toBe('Lavrov, Qin Gang hold talks in Goa on SCO sidelines');
    expect(doc.datelines.map((d) => [d.placeText, d.rest, d.line])).toEqual([['Benaulim (Goa)', '4 May 2023', 5]]);
    expect(doc.lines.find((l) => l.text.startsWith('©'))?.zone).toBe('footer');
  });

  it('keeps a Russian sign-off as a dateline', () => {
    const doc = readReport('x', 'Министры провели переговоры в Пекине и обсудили широкий круг вопросов двусторонних отношений.\n\nПекин, 9 апреля 2024 года', projectKnowledge());
    expect(doc.datelines.map((d) => d.text)).toEqual(['Пекин, 9 апреля 2024 года']);
  });
});
