// The ledger's rules, one story a test: a slug changes, is withdrawn, merged, comes back.
import { describe, expect, it } from 'vitest';
import { checkLedger, emptyLedger, parseLedger, serializeLedger, updateLedger, type CurrentMeeting, type Ledger } from '../../../src/permalinks/ledger.ts';

const meeting = (slug: string, seeds: string[], title = `Meeting ${slug}`): CurrentMeeting => ({
  slug,
  seeds,
  meeting: { title, date: slug.slice(0, 10), location: { city: slug.slice(11), country: 'Somewhere' }, topics: ['sco'] },
});

/** Run conversions in order, returning the ledger after each. */
function runs(...conversions: CurrentMeeting[][]): Ledger[] {
  const out: Ledger[] = [];
  let ledger = emptyLedger();
  for (const c of conversions) {
    ledger = updateLedger(ledger, c).ledger;
    out.push(ledger);
  }
  return out;
}

describe('updateLedger', () => {
  it('records every meeting of a first conversion as live, at revision 1', () => {
    const [l] = runs([meeting('2023-01-01-a', ['s1']), meeting('2023-01-02-b', ['s2'])]);
    expect(l!.revision).toBe(1);
    expect(l!.slugs['2023-01-01-a']).toMatchObject({ status: 'live', seeds: ['s1'], history: [{ revision: 1, status: 'live', seeds: ['s1'] }] });
  });

  it('changes nothing, not even the revision, when a conversion brings nothing new', () => {
    const c = [meeting('2023-01-01-a', ['s1'])];
    const [first, second] = runs(c, c);
    expect(serializeLedger(second!)).toBe(serializeLedger(first!));
  });

  it('redirects a slug whose seeds now make a meeting under another slug (a place corrected)', () => {
    const [, l] = runs([meeting('2023-01-01-a', ['s1'])], [meeting('2023-01-01-b', ['s1'])]);
    expect(l!.revision).toBe(2);
    expect(l!.slugs['2023-01-01-a']).toMatchObject({ status: 'redirect', to: '2023-01-01-b', seeds: ['s1'] });
    expect(l!.slugs['2023-01-01-a']!.history.at(-1)).toEqual({ revision: 2, status: 'redirect', to: '2023-01-01-b' });
    expect(l!.slugs['2023-01-01-b']!.status).toBe('live');
  });

  it('follows chains: a slug that moved twice points straight at the newest', () => {
    const [, , l] = runs([meeting('x-a', ['s1'])], [meeting('x-b', ['s1'])], [meeting('x-c', ['s1'])]);
    expect(l!.slugs['x-a']).toMatchObject({ status: 'redirect', to: 'x-c' });
    expect(l!.slugs['x-b']).toMatchObject({ status: 'redirect', to: 'x-c' });
    expect(checkLedger(l!)).toEqual([]);
  });

  it('withdraws a slug whose seeds are all gone, keeping what it was', () => {
    const [, l] = runs([meeting('2023-01-01-a', ['s1'], 'A meets B in A'), meeting('2023-01-02-b', ['s2'])], [meeting('2023-01-02-b', ['s2'])]);
    expect(l!.slugs['2023-01-01-a']).toMatchObject({ status: 'withdrawn', seeds: ['s1'], meeting: { title: 'A meets B in A', date: '2023-01-01' } });
    expect(l!.slugs['2023-01-01-a']!.history.at(-1)).toEqual({ revision: 2, status: 'withdrawn' });
  });

  it('redirects the meeting that goes away when two merge', () => {
    const [, l] = runs([meeting('m-a', ['s1']), meeting('m-b', ['s2'])], [meeting('m-b', ['s1', 's2'])]);
    expect(l!.slugs['m-a']).toMatchObject({ status: 'redirect', to: 'm-b' });
    expect(l!.slugs['m-b']).toMatchObject({ status: 'live', seeds: ['s1', 's2'] });
    expect(l!.slugs['m-b']!.history.map((e) => e.seeds)).toEqual([['s2'], ['s1', 's2']]);
  });

  it('sends a slug to the meeting holding most of its seeds when they split', () => {
    const [, l] = runs([meeting('m-a', ['s1', 's2', 's3'])], [meeting('m-b', ['s1']), meeting('m-c', ['s2', 's3'])]);
    expect(l!.slugs['m-a']).toMatchObject({ status: 'redirect', to: 'm-c' });
  });

  it('breaks a tie by the lowest slug, whatever order meetings come in', () => {
    const a = runs([meeting('m-a', ['s1', 's2'])], [meeting('m-c', ['s2']), meeting('m-b', ['s1'])]);
    const b = runs([meeting('m-a', ['s2', 's1'])], [meeting('m-b', ['s1']), meeting('m-c', ['s2'])]);
    expect(a[1]!.slugs['m-a']).toMatchObject({ to: 'm-b' });
    expect(serializeLedger(a[1]!)).toBe(serializeLedger(b[1]!));
  });

  it('keeps a merged slug redirecting when its own seed goes but the meeting lives on', () => {
    const [, , l] = runs([meeting('m-a', ['s1']), meeting('m-b', ['s2'])], [meeting('m-b', ['s1', 's2'])], [meeting('m-c', ['s2'])]);
    expect(l!.slugs['m-a']).toMatchObject({ status: 'redirect', to: 'm-c' });
    expect(l!.slugs['m-b']).toMatchObject({ status: 'redirect', to: 'm-c' });
  });

  it('withdraws a redirect whose target is withdrawn', () => {
    const [, , l] = runs([meeting('m-a', ['s1'])], [meeting('m-b', ['s1'])], [meeting('z-other', ['s9'])]);
    expect(l!.slugs['m-a']!.status).toBe('withdrawn');
    expect(l!.slugs['m-b']!.status).toBe('withdrawn');
    expect(checkLedger(l!)).toEqual([]);
  });

  it('brings a slug back to life when a conversion builds it again', () => {
    const [, , l] = runs([meeting('m-a', ['s1'])], [meeting('m-b', ['s1'])], [meeting('m-a', ['s1'])]);
    expect(l!.slugs['m-a']).toMatchObject({ status: 'live', seeds: ['s1'] });
    expect(l!.slugs['m-a']!.history.map((e) => e.status)).toEqual(['live', 'redirect', 'live']);
    expect(l!.slugs['m-b']).toMatchObject({ status: 'redirect', to: 'm-a' });
  });

  it('re-points a withdrawn slug when its seed returns under a new slug', () => {
    const [, , l] = runs([meeting('m-a', ['s1'])], [], [meeting('m-b', ['s1'])]);
    expect(l!.slugs['m-a']).toMatchObject({ status: 'redirect', to: 'm-b' });
  });

  it('never loops: two slugs that once pointed at each other end withdrawn when their seeds go', () => {
    const [, , , l] = runs([meeting('m-a', ['s1'])], [meeting('m-b', ['s1'])], [meeting('m-a', ['s1'])], []);
    expect(l!.slugs['m-a']!.status).toBe('withdrawn');
    expect(l!.slugs['m-b']!.status).toBe('withdrawn');
  });

  it('flags a live slug that now shows a meeting built from none of its earlier seeds', () => {
    const first = updateLedger(emptyLedger(), [meeting('m-a', ['s1'])]).ledger;
    const { changes } = updateLedger(first, [meeting('m-a', ['s2']), meeting('m-a-2', ['s1'])]);
    expect(changes).toContainEqual({ slug: 'm-a', from: 'live', to: 'live', reassigned: true });
  });

  it('updates a live meeting\'s snapshot without a new revision when only its title changes', () => {
    const [first, second] = runs([meeting('m-a', ['s1'], 'Old title')], [meeting('m-a', ['s1'], 'New title')]);
    expect(second!.revision).toBe(first!.revision);
    expect(second!.slugs['m-a']!.meeting.title).toBe('New title');
    expect(second!.slugs['m-a']!.history).toHaveLength(1);
  });
});

describe('serializeLedger and parseLedger', () => {
  it('round-trip to the same bytes', () => {
    const [, l] = runs([meeting('m-a', ['s1']), meeting('m-b', ['s2'])], [meeting('m-b', ['s1', 's2'])]);
    const text = serializeLedger(l!);
    expect(serializeLedger(parseLedger(text, 'permalinks.json'))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('name the file and the broken rule on a bad ledger', () => {
    expect(() => parseLedger('{', 'x.json')).toThrow(/^x\.json: not valid JSON/);
    expect(() => parseLedger('{"revision":1,"slugs":{"a":{"status":"live"}}}', 'x.json')).toThrow(/^x\.json: slugs\.a\./);
    const dangling = serializeLedger(runs([meeting('m-a', ['s1'])])[0]!).replace('"status": "live"', '"status": "redirect",\n      "to": "m-zz"');
    expect(() => parseLedger(dangling, 'x.json')).toThrow('x.json: m-a redirects to m-zz, which the ledger does not record');
  });
});
