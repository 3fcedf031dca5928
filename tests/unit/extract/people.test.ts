import { describe, expect, it } from 'vitest';
import { findPeople, roleOn } from '../../../src/extract/people.ts';
import { projectKnowledge } from './fixtures.ts';

const people = (text: string) => findPeople(text, projectKnowledge()).map((p) => [p.name, p.known ? 'known' : p.statedCountry]);

describe('findPeople', { timeout: 60_000 }, () => {
  const rows: [string, (string | null)[][]][] = [
    ['Sergei Lavrov met Wang Yi', [['Sergey Lavrov', 'known'], ['Wang Yi', 'known']]],
    ['переговоры Министра иностранных дел России С.В.Лаврова с Министром иностранных дел КНР Ван И', [['Sergey Lavrov', 'known'], ['Wang Yi', 'known']]],
    ['встреча Сергея Лаврова с Ван И', [['Sergey Lavrov', 'known'], ['Wang Yi', 'known']]],
    ['Wang Yi held talks with Lao Foreign Minister Saleumxay Kommasith', [['Wang Yi', 'known'], ['Saleumxay Kommasith', 'Laos']]],
    ['Wang Yi met Thai Foreign Minister Maris Sangiampongsa', [['Wang Yi', 'known'], ['Maris Sangiampongsa', 'Thailand']]],
    // negative cases: titles followed by places or nothing are not people
    ['Foreign Minister of China and Foreign Minister of Russia met', []],
    ['the President of Kazakhstan welcomed the ministers', []],
  ];
  for (const [text, expected] of rows) it(text, () => expect(people(text)).toEqual(expected));
});

describe('roleOn', () => {
  const wang = projectKnowledge().personById.get('wang-yi')!;
  const rows: [string | null, string | null][] = [
    ['2022-09-21', 'Minister of Foreign Affairs'],
    ['2023-07-13', 'Director of the Office of the Central Foreign Affairs Commission'],
    ['2023-10-18', 'Minister of Foreign Affairs'],
    ['2010-01-01', null],
    [null, null],
  ];
  for (const [day, role] of rows) it(`Wang Yi on ${day}`, () => expect(roleOn(wang, day)).toBe(role));
});
