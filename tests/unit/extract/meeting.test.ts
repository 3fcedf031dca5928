import { describe, expect, it } from 'vitest';
import { readReport } from '../../../src/extract/index.ts';
import { findMeetingSentences, primaryMeetingSentence } from '../../../src/extract/meeting.ts';
import { projectKnowledge } from './fixtures.ts';

function whoMet(text: string): string[] | null {
  const knowledge = projectKnowledge();
  const primary = primaryMeetingSentence(findMeetingSentences(readReport('x', text, knowledge), knowledge));
  return primary ? primary.people.map((p) => p.name) : null;
}

describe('meeting sentences and who met', { timeout: 60_000 }, () => {
  const rows: [string, string[] | null][] = [
    ['Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Beijing.', ['Sergey Lavrov', 'Wang Yi']],
    ['Wang Yi held talks with his Russian counterpart Sergey Lavrov on Monday.', ['Wang Yi', 'Sergey Lavrov']],
    ['Sergey Lavrov met his Chinese counterpart on Monday.', ['Sergey Lavrov']],
    ['9 апреля в Пекине состоялись переговоры С.В.Лаврова с Ван И.', ['Sergey Lavrov', 'Wang Yi']],
    ["Wang Yi and Sergei Lavrov held talks in Moscow, reviewing the agreements reached during President Xi Jinping's state visit.", ['Wang Yi', 'Sergey Lavrov']],
    ['Sergey Lavrov held talks with Wang Yi in Beijing, in a visit in which he was later received by President Xi Jinping.', ['Sergey Lavrov', 'Wang Yi']],
    ['Sergey Lavrov, who met Antony Blinken last week, held talks with Wang Yi on Monday.', ['Sergey Lavrov', 'Wang Yi']],
    // negative cases: no meeting took place
    ['Sergey Lavrov and Wang Yi are expected to meet in Tianjin this week.', null],
    ['Sergey Lavrov and Wang Yi last met in Moscow in April.', null],
    ["As for Wang Yi's meeting with Lavrov, we will release information in due course.", null],
    ['Sergey Lavrov has repeatedly said Moscow supports China. Wang Yi has described the year as a chance.', null],
    ['Лавров и Ван И встретятся на следующей неделе.', null],
  ];
  for (const [text, expected] of rows) it(text.slice(0, 60), () => expect(whoMet(text)).toEqual(expected));
});
