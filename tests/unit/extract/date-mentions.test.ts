import { describe, expect, it } from 'vitest';
import { findDateMentions } from '../../../src/extract/date-mentions.ts';
import { projectKnowledge } from './fixtures.ts';

const mentions = (text: string) =>
  findDateMentions(text, projectKnowledge().words).map(({ kind, year, month, day, dayEnd, weekday }) =>
    Object.fromEntries(Object.entries({ kind, year, month, day, dayEnd, weekday }).filter(([, v]) => v !== undefined)),
  );

describe('findDateMentions', { timeout: 60_000 }, () => {
  const rows: [string, Record<string, unknown>[]][] = [
    ['14 April 2023', [{ kind: 'full', year: 2023, month: 4, day: 14 }]],
    ['April 14, 2023', [{ kind: 'full', year: 2023, month: 4, day: 14 }]],
    ['Feb. 28, 2025', [{ kind: 'full', year: 2025, month: 2, day: 28 }]],
    ['2024-05-20 23:10', [{ kind: 'full', year: 2024, month: 5, day: 20 }]],
    ['"dateModified":"2023-10-19T02:15:00Z"', [{ kind: 'full', year: 2023, month: 10, day: 19 }]],
    ['13.07.2025 15:20', [{ kind: 'full', year: 2025, month: 7, day: 13 }]],
    ['Пекин, 9 апреля 2024 года', [{ kind: 'full', year: 2024, month: 4, day: 9 }]],
    ['20-21 March 2023', [{ kind: 'full', year: 2023, month: 3, day: 20, dayEnd: 21 }]],
    ['on July 13-14', [{ kind: 'dayMonth', month: 7, day: 13, dayEnd: 14 }]],
    ['on 9th April 2024', [{ kind: 'full', year: 2024, month: 4, day: 9 }]],
    ['the 21st of May', [{ kind: 'dayMonth', month: 5, day: 21 }]],
    ['Sept 18', [{ kind: 'dayMonth', month: 9, day: 18 }]],
    ['9 апреля в Пекине', [{ kind: 'dayMonth', month: 4, day: 9 }]],
    ['this March', [{ kind: 'thisMonth', month: 3 }]],
    ['met on Thursday', [{ kind: 'weekday', weekday: 4 }]],
    ['в четверг', [{ kind: 'weekday', weekday: 4 }]],
    ['© 2022 Continental Wire Service', [{ kind: 'year', year: 2022 }]],
    ['в 2024 году', [{ kind: 'year', year: 2024 }]],
    // negative cases
    ['they may meet again', []],
    ['31 February 2023', []],
    ['MT-4471902-3', []],
    ['page 2023 of the report', []],
    ['13.22.2024 (no such month)', []],
  ];
  for (const [text, expected] of rows) it(text, () => expect(mentions(text)).toEqual(expected));
});
