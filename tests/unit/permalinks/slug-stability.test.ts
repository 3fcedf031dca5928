// A published meeting keeps its URL when another meeting appears on the same day in the same place.
import { describe, expect, it } from 'vitest';
import { convertCollection, type SeedInput } from '../../../src/convert/collection.ts';
import { loadKnowledge } from '../../../src/knowledge/load.ts';
import { heldSlugsOf, updateLedger } from '../../../src/permalinks/ledger.ts';
import { emptyLedger } from '../../../src/permalinks/ledger.ts';
import { currentMeetingsOf } from '../../../src/permalinks/file.ts';

const knowledge = loadKnowledge('content');
const seed = (id: string, text: string): SeedInput => ({ id, bytes: new TextEncoder().encode(text), sidecar: null });
const older = seed('b-older', 'BEIJING, 9 April 2024 — Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Tuesday, 9 April 2024, and discussed the Ukraine crisis.');
const newcomer = seed('a-newer', 'BEIJING, 9 April 2024 — Chinese Foreign Minister Wang Yi met Russian Prime Minister Mikhail Mishustin in Beijing on Tuesday, 9 April 2024, to discuss trade.');

describe('slug stability', () => {
  it('without a ledger, meetings on one day in one place are suffixed by first seed', () => {
    const slugs = convertCollection([older, newcomer], knowledge).meetings.map((m) => [m.seeds[0], m.meeting.slug]);
    expect(slugs).toEqual([
      ['a-newer', '2024-04-09-beijing'],
      ['b-older', '2024-04-09-beijing-2'],
    ]);
  });

  it('with the ledger, the published meeting keeps its slug and the newcomer takes the next', () => {
    const first = convertCollection([older], knowledge);
    expect(first.meetings.map((m) => m.meeting.slug)).toEqual(['2024-04-09-beijing']);
    const { ledger } = updateLedger(emptyLedger(), currentMeetingsOf(first.meetings));
    const held = heldSlugsOf(ledger);
    const second = convertCollection([newcomer, older], knowledge, undefined, held);
    const bySeed = Object.fromEntries(second.meetings.map((m) => [m.seeds[0], m.meeting.slug]));
    expect(bySeed).toEqual({ 'b-older': '2024-04-09-beijing', 'a-newer': '2024-04-09-beijing-2' });
    // The next run, with the ledger that run would record, changes nothing.
    const next = updateLedger(ledger, currentMeetingsOf(second.meetings)).ledger;
    const third = convertCollection([older, newcomer], knowledge, undefined, heldSlugsOf(next));
    expect([...third.files.keys()].sort()).toEqual([...second.files.keys()].sort());
  });
});
