import { describe, expect, it } from 'vitest';
import { extractMeeting, readReport } from '../../../src/extract/index.ts';
import { placesIn } from '../../../src/extract/places.ts';
import { projectKnowledge } from './fixtures.ts';

describe('placesIn', { timeout: 60_000 }, () => {
  const rows: [string, string[]][] = [
    ['They met in Astana on Monday.', ['astana']],
    ['met at a beach resort in Benaulim in south Goa', ['goa', 'goa']],
    ['held talks in Nur-Sultan', ['astana']],
    ['в Пекине состоялись переговоры', ['beijing']],
    ['встреча в Москве', ['moscow']],
    ['at the Palace of Independence in Astana', ['astana']],
    // negative cases
    ['Moscow and Beijing agreed to coordinate.', []],
    ['Lavrov, who flew in from Moscow on Sunday, met Wang Yi.', []],
    ['Lavrov flew in from Moscow.', []],
    ["in Moscow's view the talks were useful", []],
    ['before he flies back to Moscow', []],
  ];
  for (const [text, ids] of rows) it(text, () => expect(placesIn(text, projectKnowledge()).map((p) => p.value.id)).toEqual(ids));
});

function placeOf(text: string) {
  const knowledge = projectKnowledge();
  const x = extractMeeting(readReport('case', text, knowledge), { seed: 'case', knowledge, sidecar: null, corpusReferenceDate: null });
  return [x.place.place?.name ?? null, x.place.country, x.place.how];
}

describe('placeOfMeeting', () => {
  const rows: [string, string, (string | null)[]][] = [
    ['the sentence over the dateline', 'MOSCOW, July 13./TASS/. Russian Foreign Minister Sergey Lavrov and Wang Yi met in Jakarta on Thursday.', ['Jakarta', 'Indonesia', 'meeting-sentence']],
    ['the dateline when the sentence names none', 'GUILIN, China, March 22 — Russian Foreign Minister Sergey Lavrov and Chinese Foreign Minister Wang Yi held talks on Monday.', ['Guilin', 'China', 'dateline']],
    ['a country inferred from the city', 'NEW YORK — Russian Foreign Minister Sergey Lavrov and Chinese Foreign Minister Wang Yi met on Wednesday.', ['New York', 'United States', 'dateline']],
    ['"here" is the dateline city', 'BEIJING, Feb. 28, 2025 (PW) — The Russian and Chinese foreign ministers Sergey Lavrov and Wang Yi held talks here on Friday.', ['Beijing', 'China', 'dateline']],
    ['"the Chinese capital" is its capital', 'Sergey Lavrov and Wang Yi held talks in the Chinese capital on Monday.', ['Beijing', 'China', 'meeting-sentence']],
    ['"в китайской столице"', 'В китайской столице состоялись переговоры С.В.Лаврова с Ван И.', ['Beijing', 'China', 'meeting-sentence']],
    // negative: a dateline contradicted by the country the sentence names
    ['a dateline elsewhere than the stated country', 'MOSCOW, April 14 - Sergey Lavrov and Qin Gang held a bilateral meeting in Uzbekistan.', [null, 'Uzbekistan', 'unresolved']],
    ['no place at all', 'Sergey Lavrov and Wang Yi held talks on Monday.', [null, null, 'unresolved']],
    ['a capital one only travels to', 'Sergey Lavrov and Wang Yi held talks on Monday before flying to the Chinese capital.', [null, null, 'unresolved']],
  ];
  for (const [name, text, expected] of rows) it(name, () => expect(placeOf(text)).toEqual(expected));
});
