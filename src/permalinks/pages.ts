/**
 * What the site makes of the ledger: a page for every URL that no longer shows a meeting, the
 * host redirect rules, and the check that every recorded URL has a page. Pure: ledger in, data out.
 */
import type { Ledger, MeetingSnapshot } from './ledger.ts';

export interface LegacyPage {
  slug: string;
  status: 'redirect' | 'withdrawn';
  /** What the URL showed when it was last built. */
  meeting: MeetingSnapshot;
  /** redirect: where the meeting is now. */
  target?: { slug: string; title: string };
}

/**
 * The pages for slugs the ledger keeps but no meeting is built under: `live` is the site's
 * meetings, so a slug that has a meeting page is never given a second one.
 */
export function legacyPages(ledger: Ledger, live: readonly { slug: string; title: string }[]): LegacyPage[] {
  const titleOf = new Map(live.map((m) => [m.slug, m.title]));
  const pages: LegacyPage[] = [];
  for (const [slug, p] of Object.entries(ledger.slugs)) {
    if (p.status === 'live' || titleOf.has(slug)) continue;
    if (p.status === 'withdrawn') pages.push({ slug, status: 'withdrawn', meeting: p.meeting });
    else if (p.to && titleOf.has(p.to)) pages.push({ slug, status: 'redirect', meeting: p.meeting, target: { slug: p.to, title: titleOf.get(p.to)! } });
    // A redirect to a meeting the site lacks gets no page: missingPages names it and fails the build.
  }
  return pages.sort((a, b) => (a.slug < b.slug ? -1 : 1));
}

/** `_redirects` (Netlify, Cloudflare Pages): a 301 for every moved meeting URL, under `base`. */
export function redirectRules(ledger: Ledger, base: string): string {
  const root = base.replace(/\/?$/, '/');
  const lines = Object.entries(ledger.slugs)
    .filter(([, p]) => p.status === 'redirect' && p.to)
    .map(([slug, p]) => `${root}meetings/${slug}/ ${root}meetings/${p.to}/ 301`)
    .sort();
  return ['# Meeting URLs that moved: content/permalinks.json. Written by the build; do not edit.', ...lines, ''].join('\n');
}

/**
 * Every URL in the ledger that the build would leave without a page, as messages naming the slug.
 * `hasPage(slug)` says whether dist/ holds /meetings/<slug>/.
 */
export function missingPages(ledger: Ledger, hasPage: (slug: string) => boolean, ledgerFile: string): string[] {
  const problems: string[] = [];
  for (const [slug, p] of Object.entries(ledger.slugs).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!hasPage(slug)) {
      const why = p.status === 'live' ? 'live, but no meeting has this slug' : p.status === 'redirect' ? `a redirect to /meetings/${p.to}/, which has no page` : 'withdrawn';
      problems.push(`/meetings/${slug}/ is recorded in ${ledgerFile} (${why}) and the build made no page for it`);
    } else if (p.status === 'redirect' && p.to && !hasPage(p.to)) {
      problems.push(`/meetings/${slug}/ redirects to /meetings/${p.to}/, which the build made no page for`);
    }
  }
  return problems;
}
