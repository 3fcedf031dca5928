// What the site makes of a ledger: pages for old slugs, 301 rules, and the URLs left without a page.
import { describe, expect, it } from 'vitest';
import { emptyLedger, updateLedger, type CurrentMeeting } from '../../../src/permalinks/ledger.ts';
import { legacyPages, missingPages, redirectRules } from '../../../src/permalinks/pages.ts';

const meeting = (slug: string, seeds: string[]): CurrentMeeting => ({
  slug,
  seeds,
  meeting: { title: `Meeting ${slug}`, date: null, location: { city: 'X', country: null }, topics: [] },
});

// m-old moved to m-new, m-gone was withdrawn, m-kept is live.
const first = updateLedger(emptyLedger(), [meeting('m-old', ['s1']), meeting('m-gone', ['s2']), meeting('m-kept', ['s3'])]).ledger;
const { ledger } = updateLedger(first, [meeting('m-new', ['s1']), meeting('m-kept', ['s3'])]);
const live = [
  { slug: 'm-new', title: 'Meeting m-new' },
  { slug: 'm-kept', title: 'Meeting m-kept' },
];

describe('legacyPages', () => {
  it('gives a redirect page to a moved slug and a withdrawal page to a withdrawn one, none to a live one', () => {
    expect(legacyPages(ledger, live)).toEqual([
      { slug: 'm-gone', status: 'withdrawn', meeting: first.slugs['m-gone']!.meeting },
      { slug: 'm-old', status: 'redirect', meeting: first.slugs['m-old']!.meeting, target: { slug: 'm-new', title: 'Meeting m-new' } },
    ]);
  });

  it('never gives a second page to a slug the site builds a meeting under', () => {
    expect(legacyPages(ledger, [...live, { slug: 'm-gone', title: 'Back' }]).map((p) => p.slug)).toEqual(['m-old']);
  });
});

describe('redirectRules', () => {
  it('writes one 301 per moved slug, under the base path', () => {
    expect(redirectRules(ledger, '/')).toBe('# Meeting URLs that moved: content/permalinks.json. Written by the build; do not edit.\n/meetings/m-old/ /meetings/m-new/ 301\n');
    expect(redirectRules(ledger, '/archive')).toContain('\n/archive/meetings/m-old/ /archive/meetings/m-new/ 301\n');
  });
});

describe('missingPages', () => {
  it('names every recorded URL the build left without a page, and redirects to a missing page', () => {
    const built = new Set(['m-old', 'm-gone']);
    expect(missingPages(ledger, (s) => built.has(s), 'permalinks.json')).toEqual([
      '/meetings/m-kept/ is recorded in permalinks.json (live, but no meeting has this slug) and the build made no page for it',
      '/meetings/m-new/ is recorded in permalinks.json (live, but no meeting has this slug) and the build made no page for it',
      '/meetings/m-old/ redirects to /meetings/m-new/, which the build made no page for',
    ]);
  });

  it('is empty when every URL has its page', () => {
    expect(missingPages(ledger, () => true, 'permalinks.json')).toEqual([]);
  });
});
