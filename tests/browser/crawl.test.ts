// Every internal link and asset of a built site answers, for a site at the root and for one
// hosted under BASE_PATH=/archive (with enough meetings to paginate); the sitemap lists every page.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { buildSiteInto, serve, type BuiltSite } from './site-build.ts';
import { launchBrowser } from './chromium.ts';
import { clonedMeetings, crawl, currentPageDirs, isCurrentPage, removeScratchDirs, removeSite } from './helpers.ts';
import type { StaticServer } from '../../src/build/serve.ts';

const siteUrl = 'https://parley.example';
const sites: { root?: { site: BuiltSite; server: StaticServer }; archive?: { site: BuiltSite; server: StaticServer } } = {};

beforeAll(async () => {
  const root = buildSiteInto({ env: { SITE_URL: siteUrl } });
  sites.root = { site: root, server: await serve(root) };
  const archive = buildSiteInto({ base: '/archive', meetingsDir: clonedMeetings(64), env: { SITE_URL: siteUrl } });
  sites.archive = { site: archive, server: await serve(archive) };
}, 300_000);

afterAll(async () => {
  removeScratchDirs();
  await sites.root?.server.close();
  await sites.archive?.server.close();
  removeSite(sites.root?.site);
  removeSite(sites.archive?.site);
});

/**
 * Paths of the built HTML pages, as URLs under `baseUrl`. Left out: 404.html (served for misses)
 * and the redirect and withdrawal pages kept for old meeting URLs, which no sitemap lists.
 */
function builtPages(dir: string, baseUrl: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'index.html' && isCurrentPage(readFileSync(p, 'utf8'))) out.push(`${baseUrl}${relative(dir, d).split('\\').join('/')}${relative(dir, d) ? '/' : ''}`);
    }
  };
  walk(dir);
  return out.sort();
}

for (const which of ['root', 'archive'] as const) {
  describe(`a site ${which === 'root' ? 'at the root' : 'under /archive'}`, () => {
    it('has no broken internal link or asset, and every page is reachable', async () => {
      const { site, server } = sites[which]!;
      const extra = ['robots.txt', 'sitemap-index.xml', 'feed.xml', 'meetings.json', 'no-such-page/'].map((p) => `${server.url}${p}`);
      const result = await crawl(server.url, { siteUrl, extra });
      // The one expected miss: the 404 page itself.
      expect(result.broken).toEqual([`404 ${server.url}no-such-page/`]);
      const reached = new Set(result.htmlPages);
      const unreached = builtPages(site.dir, server.url).filter((p) => !reached.has(p) && !/\/(pagefind|_astro)\//.test(p));
      expect(unreached).toEqual([]);
      expect(result.pages).toBeGreaterThan(20);
    });

    it('gives Pagefind every page it should index: as many as carry data-pagefind-body, all of them meetings', () => {
      const { site } = sites[which]!;
      const bodies: string[] = [];
      const walk = (d: string) => {
        for (const name of readdirSync(d)) {
          const p = join(d, name);
          if (statSync(p).isDirectory()) walk(p);
          else if (name.endsWith('.html') && /\sdata-pagefind-body[\s=>]/.test(readFileSync(p, 'utf8'))) bodies.push(relative(site.dir, p).split('\\').join('/'));
        }
      };
      walk(site.dir);
      expect(bodies.length).toBeGreaterThan(0);
      // The build feeds Pagefind the meeting pages as they render (src/build/finish.ts).
      expect(bodies.filter((p) => !/^meetings\/[^/]+\/index\.html$/.test(p))).toEqual([]);
      const entry = JSON.parse(readFileSync(join(site.dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      expect(Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0)).toBe(bodies.length);
    });

    it('lists every page in the sitemap, each with the public SITE_URL and base', async () => {
      const { site, server } = sites[which]!;
      const index = await (await fetch(`${server.url}sitemap-index.xml`)).text();
      const setUrl = /<loc>([^<]+)<\/loc>/.exec(index)![1]!;
      const prefix = `${siteUrl}${site.base}`;
      expect(setUrl).toBe(`${prefix}sitemap-0.xml`);
      const set = await (await fetch(`${server.url}sitemap-0.xml`)).text();
      const listed = [...set.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
      expect(listed.every((u) => u.startsWith(prefix))).toBe(true);
      const built = builtPages(site.dir, prefix).filter((p) => !/\/(pagefind|_astro)\//.test(p));
      expect([...listed].sort()).toEqual(built);
    });

    it('gives every record in meetings.json the public URL of its page', async () => {
      const { site, server } = sites[which]!;
      const records = (await (await fetch(`${server.url}meetings.json`)).json()) as { slug: string; url: string }[];
      expect(records.map((r) => r.slug).sort()).toEqual(currentPageDirs(site.dir, 'meetings'));
      for (const r of records) expect(r.url).toBe(`${siteUrl}${site.base}meetings/${r.slug}/`);
    });
  });
}

describe('under /archive', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  beforeAll(async () => {
    browser = await launchBrowser({ serviceWorkers: 'block' });
  });
  afterAll(async () => browser?.close());

  it('paginates at 50 a page, newest first', async () => {
    const { server } = sites.archive!;
    const page = await browser.context.newPage();
    await page.goto(`${server.url}topics/brics/`);
    expect(await page.locator('.meeting-list > li').count()).toBe(50);
    const dates = await page.locator('.meeting-list time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')).filter(Boolean) as string[]);
    expect(dates).toEqual([...dates].sort().reverse());
    await page.getByRole('link', { name: 'Older →' }).click();
    await page.waitForURL(/\/archive\/topics\/brics\/2\/$/);
    expect(await page.locator('.meeting-list > li').count()).toBe(14);
  });

  it('gives an undated meeting a page that says so, a place, and public URLs from SITE_URL and the base', async () => {
    const { server } = sites.archive!;
    const page = await browser.context.newPage();
    await page.goto(`${server.url}meetings/undated-clone-16/`);
    expect(await page.locator('.facts time').first().textContent()).toBe('Date not settled');
    expect(await page.locator('.fact a[href^="/archive/places/"]').count()).toBe(1);
    const canonical = `${siteUrl}/archive/meetings/undated-clone-16/`;
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe(canonical);
    expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toBe(canonical);
    expect(await page.locator('link[type="application/atom+xml"]').first().getAttribute('href')).toBe(`${siteUrl}/archive/feed.xml`);
    expect(await page.locator('#cite-plain').textContent()).toContain(canonical);
    const feed = await (await fetch(`${server.url}topics/brics/feed.xml`)).text();
    expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${siteUrl}/archive/topics/brics/feed.xml"/>`);
    expect([...feed.matchAll(/<id>([^<]+)<\/id>/g)].every((m) => m[1]!.startsWith(`${siteUrl}/archive/`))).toBe(true);
  });

  it('searches with the index under the base and links results under it', async () => {
    const { server } = sites.archive!;
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}search/?q=Samarkand`);
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/found$/);
    const first = await page.locator('#search-results a').first().getAttribute('href');
    expect(first).toMatch(/^\/archive\/meetings\/[^/]+-clone-\d+\/$/);
    expect(errors).toEqual([]);
  });
});
