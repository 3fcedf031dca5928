// A reader searches: by a word, a place, a person (by any alias the archive knows), narrows by a
// topic filter, sorts by date — and nothing on the page moves when the index loads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildSiteInto, serve, type BuiltSite } from './site-build.ts';
import { removeSite } from './helpers.ts';
import { launchBrowser } from './chromium.ts';
import type { StaticServer } from '../../src/build/serve.ts';

let site: BuiltSite;
let server: StaticServer;
let browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  site = buildSiteInto();
  server = await serve(site);
  browser = await launchBrowser({ serviceWorkers: 'block' });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeSite(site);
});

async function results(page: Page): Promise<string[]> {
  await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/found$/);
  return page.locator('#search-results li h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
}

async function search(path: string): Promise<{ page: Page; urls: string[] }> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}search/${path}`);
  return { page, urls: await results(page) };
}

describe('search', () => {
  it('finds a meeting by a word from its article and opens its page', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}search/`);
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('Samarkand');
    const result = page.locator('#search-results a').first();
    await expect.poll(async () => result.textContent(), { timeout: 10_000 }).toContain('Samarkand');
    await result.click();
    await page.waitForURL(/\/meetings\/2023-04-14-samarkand\/$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sergey Lavrov meets Qin Gang in Samarkand');
    expect(errors).toEqual([]);
  });

  it('reports no result for a word in no article', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}search/?q=zzyzxnotaword`);
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 }).toBe('0 meetings found');
  });

  it('finds the meeting at a place, first', async () => {
    const { urls } = await search('?q=Jakarta');
    expect(urls[0]).toMatch(/\/meetings\/2023-07-13-jakarta\/$/);
  });

  it('finds a person\'s meetings by name, and only theirs', async () => {
    const { urls } = await search('?q=Qin+Gang');
    expect(urls).toEqual([expect.stringMatching(/\/meetings\/2023-04-14-samarkand\/$/)]);
  });

  it('finds a person by an alias from people.yaml, in another spelling or script', async () => {
    for (const alias of ['Sergei Lavrov', 'Лавров']) {
      const { urls } = await search(`?q=${encodeURIComponent(alias)}`);
      expect(urls.length, alias).toBe(5);
    }
  });

  it('shows date and place in each result', async () => {
    const { page } = await search('?q=Jakarta');
    expect(await page.locator('#search-results li .meta').first().textContent()).toBe('13 July 2023 · Jakarta, Indonesia');
  });

  it('narrows results with a topic filter, from the page and from the URL', async () => {
    const { page, urls: all } = await search('?q=Lavrov');
    await page.getByLabel('Topic').selectOption('ASEAN');
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 }).not.toBe(`${all.length} meetings found`);
    const narrowed = await results(page);
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(all.length);
    expect(narrowed.every((u) => all.includes(u))).toBe(true);
    expect(new URL(page.url()).searchParams.get('topic')).toBe('ASEAN');
    await page.reload();
    expect(await results(page)).toEqual(narrowed);
    expect(await page.getByLabel('Topic').inputValue()).toBe('ASEAN');
  });

  it('lists a filter\'s meetings without a word, sorted by date either way', async () => {
    const { urls: newest } = await search('?participant=Wang+Yi&sort=newest');
    const { urls: oldest } = await search('?participant=Wang+Yi&sort=oldest');
    expect(newest.length).toBe(4);
    expect(oldest).toEqual([...newest].reverse());
    const slugs = newest.map((u) => u.split('/').at(-2)!);
    expect(slugs).toEqual([...slugs].sort().reverse());
  });

  it('takes a query from the search box in any page header', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}topics/`);
    await page.getByRole('searchbox', { name: 'Search meetings' }).fill('Astana');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=Astana$/);
    expect((await results(page))[0]).toMatch(/2024-05-20-astana/);
  });

  it('searches within a topic or person page\'s meetings from that page', async () => {
    const page = await browser.context.newPage();
    for (const path of ['topics/brics/', 'people/qin-gang/', 'places/jakarta/']) {
      await page.goto(`${server.url}${path}`);
      const listed = await page.locator('.meeting-list > li').count();
      await page.getByRole('link', { name: 'Search within these' }).click();
      await page.waitForURL(/\/search\/\?/);
      expect((await results(page)).length, path).toBe(listed);
    }
  });

  it('loads Pagefind with the page, before the first keystroke, and fetches no index chunk or excerpt until then', async () => {
    const page = await browser.context.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname)); // the worker's requests too
    await page.goto(`${server.url}search/`, { waitUntil: 'networkidle' });
    expect(fetched).toContain('/pagefind/pagefind.js');
    expect(fetched.some((p) => /^\/pagefind\/wasm\.[^/]+\.pagefind$/.test(p))).toBe(true);
    expect(fetched.filter((p) => /^\/pagefind\/(index|filter|fragment)\//.test(p))).toEqual([]);
  });

  it('searches on the first keystroke without waiting for the debounce', async () => {
    // A browser of its own: the fake clock belongs to the whole context.
    const own = await launchBrowser({ serviceWorkers: 'block' });
    try {
      const page = await own.context.newPage();
      await page.clock.install();
      await page.goto(`${server.url}search/?q=Jakarta`);
      await results(page); // Pagefind is loaded
      // From here on no timer fires: a search that waits for one never runs.
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
      const box = page.getByRole('searchbox', { name: 'Search the archive' });
      await box.fill('Samarkand');
      expect(await results(page)).toEqual((await search('?q=Samarkand')).urls);
      // Emptied and a new query pasted straight after: nothing was searched to wait for.
      await box.fill('');
      await box.fill('Qin Gang');
      expect(await results(page)).toEqual((await search('?q=Qin+Gang')).urls);
    } finally {
      await own.close();
    }
  });

  it('shows the results of a query typed before Pagefind has loaded', async () => {
    const page = await browser.context.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/pagefind/pagefind.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}search/`);
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('Samarkand');
    expect(await page.locator('#search-status').textContent()).toBe('Searching…');
    release();
    expect(await results(page)).toEqual((await search('?q=Samarkand')).urls);
  });

  it('shows the results of the last query when typing fast, in the same order as a direct search', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}search/`, { waitUntil: 'networkidle' });
    await page.getByRole('searchbox', { name: 'Search the archive' }).pressSequentially('Sergey Lavrov', { delay: 15 });
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 10_000 }).toBe('Sergey Lavrov');
    expect(await results(page)).toEqual((await search('?q=Sergey+Lavrov')).urls);
  });

  it('moves nothing on the page when the index loads and results arrive', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { shift: number };
      w.shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.url}search/?q=Lavrov`);
    await results(page);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThan(0.01);
  });
});
