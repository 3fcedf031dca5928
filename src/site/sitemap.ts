/** Sitemap protocol files: an index pointing at one URL set, and robots.txt. Pure. */
import { escapeXml } from './feed.ts';
import type { Meeting } from '../schema/meeting.ts';
import { routes } from './paths.ts';
import { personTerms, placeTerms, topicTerms, yearTerms, type Knowledge } from './taxonomy.ts';
import { termPages } from './term-page.ts';

export function sitemapIndex(sitemapUrls: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...sitemapUrls.map((u) => `  <sitemap><loc>${escapeXml(u)}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}

export function urlSet(pages: { url: string; lastmod?: string | null }[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...pages.map((p) => `  <url><loc>${escapeXml(p.url)}</loc>${p.lastmod ? `<lastmod>${p.lastmod}</lastmod>` : ''}</url>`),
    '</urlset>',
    '',
  ].join('\n');
}

export function robotsTxt(sitemapIndexUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapIndexUrl}\n`;
}

/** Every page the site builds (paths before the base), for the sitemap: the same models the pages use. */
export function sitePages(meetings: readonly Meeting[], k: Knowledge): { path: string; lastmod: string | null }[] {
  const pages: { path: string; lastmod: string | null }[] = [
    { path: routes.home(), lastmod: null },
    { path: routes.search(), lastmod: null },
    { path: routes.topics(), lastmod: null },
    { path: routes.people(), lastmod: null },
    { path: routes.places(), lastmod: null },
    { path: routes.years(), lastmod: null },
  ];
  for (const m of meetings) pages.push({ path: routes.meeting(m.slug), lastmod: null });
  for (const terms of [topicTerms(meetings, k), personTerms(meetings, k), placeTerms(meetings, k), yearTerms(meetings)]) {
    for (const term of terms) for (const page of termPages(term, k)) pages.push({ path: page.links.pages.find((p) => p?.n === page.links.current)!.path, lastmod: null });
  }
  return pages;
}
