/**
 * Helpers for the reading-site browser tests: page types to visit, console-error capture,
 * axe-core, a link crawler, and scratch meeting folders (a converted fixture, many clones).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import matter from 'gray-matter';
import type { Page } from 'playwright-core';
import { convertCollection } from '../../src/convert/collection.ts';
import { readSeeds } from '../../src/convert/run.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

/** A page that stands for itself: not a redirect or withdrawal notice left for an old URL (those say noindex). */
export function isCurrentPage(html: string): boolean {
  return !/<meta[^>]+http-equiv=["']?refresh/i.test(html) && !/<meta[^>]+name=["']?robots["']?[^>]+noindex/i.test(html);
}

/** The sub-folders of a built folder ("meetings") whose index.html is a current page, sorted. */
export function currentPageDirs(distDir: string, dir: string): string[] {
  return readdirSync(join(distDir, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(distDir, dir, d.name, 'index.html')))
    .filter((d) => isCurrentPage(readFileSync(join(distDir, dir, d.name, 'index.html'), 'utf8')))
    .map((d) => d.name)
    .sort();
}

/** One URL (relative to the site root) of each page type in a built site. */
export function pageTypes(distDir: string): Record<string, string> {
  const first = (dir: string) => currentPageDirs(distDir, dir)[0];
  return {
    home: '',
    meeting: `meetings/${first('meetings')}/`,
    undatedMeeting: `meetings/${currentPageDirs(distDir, 'meetings').find((d) => d.startsWith('undated-')) ?? first('meetings')}/`,
    topics: 'topics/',
    topic: 'topics/brics/',
    people: 'people/',
    person: `people/${first('people')}/`,
    places: 'places/',
    place: `places/${first('places')}/`,
    years: 'years/',
    year: `years/${first('years')}/`,
    search: 'search/?q=minister',
    notFound: 'no-such-page/',
  };
}

/** Console errors and uncaught exceptions of a page, as they happen. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  return errors;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the current page, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every link and asset an HTML page refers to (href, src, srcset). */
export function referencesIn(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)\s*=\s*("([^"]*)"|'([^']*)')/gi)) out.push(decodeEntities(m[2] ?? m[3] ?? ''));
  for (const m of html.matchAll(/\ssrcset\s*=\s*"([^"]*)"/gi)) for (const part of m[1]!.split(',')) out.push(decodeEntities(part.trim().split(/\s+/)[0]!));
  return out.filter(Boolean);
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)));
}

export interface CrawlResult {
  pages: number;
  checked: number;
  broken: string[];
  /** Every internal URL that answered 200 with HTML. */
  htmlPages: string[];
}

/**
 * Breadth-first crawl from the start URL over internal links; every internal reference (pages,
 * CSS, scripts, images, feeds, JSON) must answer 200. `siteUrl` is the SITE_URL the build used:
 * absolute links to it are mapped onto the test server.
 */
export async function crawl(start: string, options: { siteUrl?: string; extra?: string[] } = {}): Promise<CrawlResult> {
  const origin = new URL(start).origin;
  const mapped = (u: string) => (options.siteUrl && u.startsWith(options.siteUrl) ? origin + u.slice(options.siteUrl.replace(/\/$/, '').length) : u);
  const queue = [start, ...(options.extra ?? [])];
  const seen = new Set<string>(queue);
  const broken: string[] = [];
  const htmlPages: string[] = [];
  let pages = 0;
  while (queue.length > 0) {
    const url = queue.shift()!;
    const res = await fetch(url, { redirect: 'manual' });
    if (res.status !== 200) {
      broken.push(`${res.status} ${url}`);
      continue;
    }
    const type = res.headers.get('content-type') ?? '';
    const text = type.includes('html') || type.includes('xml') ? await res.text() : (await res.arrayBuffer(), '');
    const refs: string[] = [];
    if (type.includes('html')) {
      pages++;
      htmlPages.push(url);
      refs.push(...referencesIn(text));
    } else if (type.includes('xml')) {
      for (const m of text.matchAll(/<loc>([^<]+)<\/loc>|href="([^"]+)"/g)) refs.push(decodeEntities(m[1] ?? m[2]!));
    }
    for (const ref of refs) {
      if (/^(mailto|tel|data|javascript):/i.test(ref)) continue;
      const absolute = new URL(mapped(ref), url);
      absolute.hash = '';
      if (absolute.origin !== origin) continue;
      const key = absolute.href;
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(key);
      }
    }
  }
  return { pages, checked: seen.size, broken, htmlPages };
}

const scratchDirs: string[] = [];
/** A scratch folder for this test file, removed by `removeScratchDirs`. */
function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

/** Remove a built test site (its scratch folder: the dist and Astro's cache beside it). */
export function removeSite(site: { dir: string } | undefined): void {
  // Only the scratch folders buildSiteInto makes (<tmp>/site-XXXX/dist): never a dist/ of the project.
  if (site && /(^|[\\/])site-[^\\/]+$/.test(dirname(site.dir)) && site.dir.endsWith('dist')) rmSync(dirname(site.dir), { recursive: true, force: true });
}

/** Remove the scratch meeting folders this test file made (call in afterAll). */
export function removeScratchDirs(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A scratch meetings folder converted from a folder of fixture seeds, as the converter would write it. */
export function convertFixtureSeeds(seedsDir: string): string {
  const out = scratchDir('parley-meetings-');
  const result = convertCollection(readSeeds(seedsDir), loadKnowledge('content'));
  for (const [name, text] of result.files) writeFileSync(join(out, name), text);
  return out;
}

/** content/meetings plus one undated copy of its first meeting: every kind of meeting page to look at. */
export function meetingsWithUndated(): string {
  const out = scratchDir('parley-meetings-');
  const names = readdirSync('content/meetings').filter((n) => n.endsWith('.md')).sort();
  for (const n of names) writeFileSync(join(out, n), readFileSync(join('content/meetings', n)));
  const source = matter(readFileSync(join('content/meetings', names[0]!), 'utf8'));
  const data = { ...structuredClone(source.data), date: null, dateBasis: 'unresolved', dateNote: 'The report gives a day and month but no year.', slug: 'undated-test-aaaaaa' };
  writeFileSync(join(out, 'undated-test-aaaaaa.md'), matter.stringify(source.content, data));
  return out;
}

/**
 * A scratch meetings folder with `count` meetings cloned from content/meetings (new slugs, dates
 * spread over years, some undated): enough to paginate at 50 a page.
 */
export function clonedMeetings(count: number): string {
  const out = scratchDir('parley-clones-');
  mkdirSync(out, { recursive: true });
  const originals = readdirSync('content/meetings').filter((n) => n.endsWith('.md')).sort().map((n) => matter(readFileSync(join('content/meetings', n), 'utf8')));
  for (let i = 0; i < count; i++) {
    const source = originals[i % originals.length]!;
    const data = structuredClone(source.data) as Record<string, unknown> & { slug: string; date: string | null; dateBasis: string };
    const undated = i % 17 === 16;
    const day = `${2010 + (i % 12)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    data.date = undated ? null : day;
    data.dateBasis = undated ? 'unresolved' : data.dateBasis;
    data.slug = `${undated ? 'undated' : day}-clone-${i}`;
    writeFileSync(join(out, `${data.slug}.md`), matter.stringify(source.content, data));
  }
  return out;
}
