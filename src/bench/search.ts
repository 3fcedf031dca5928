/**
 * Search latency on the built site, in headless Chromium (Debian's, through playwright-core):
 * for each query, a fresh search page, the query typed, and the time from the input event to the
 * first result in the list, measured inside the page; the bytes fetched (page and worker) from
 * typing until the results (and their excerpts) have arrived. The server sends no-cache and
 * no validators, and the service worker is blocked (a first visit), so every page fetches what it
 * needs afresh.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../build/serve.ts';

export interface QueryTiming {
  query: string;
  /** Input event → first result link in the list, ms, on a fresh page (Pagefind not loaded yet). */
  firstResultMs: number;
  /** The same for a second query typed on that page, Pagefind loaded. */
  warmMs: number;
  /** Bytes of every response from typing until the network is quiet. */
  bytes: number;
  results: number;
}

export async function measureSearch(siteDir: string, queries: string[], options: { chromiumPath?: string; settleMs?: number } = {}): Promise<QueryTiming[]> {
  const server = await serveStatic(siteDir, { base: '/' });
  const profile = mkdtempSync(join(tmpdir(), 'parley-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // A first visit: the site's service worker would otherwise answer later pages from what it
    // cached on the first, and Playwright cannot size responses it serves.
    serviceWorkers: 'block',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const timings: QueryTiming[] = [];
  try {
    for (const query of queries) {
      // A fresh page and an empty cache each time: the first query's cost, not a warm one.
      const page = await context.newPage();
      await page.goto(`${server.url}search/`, { waitUntil: 'networkidle' });
      // Requests from Pagefind's worker count too: Playwright reports them on the page.
      const sizes: Promise<number>[] = [];
      let counting = false;
      // Requests in flight and the time of the last one to end, to wait for every excerpt.
      let inFlight = 0;
      let lastEnded = 0;
      page.on('request', () => void (inFlight += 1));
      page.on('requestfailed', () => {
        inFlight = Math.max(0, inFlight - 1);
        lastEnded = performance.now();
      });
      page.on('requestfinished', (request) => {
        inFlight = Math.max(0, inFlight - 1);
        lastEnded = performance.now();
        if (counting) sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize).catch(() => 0));
      });
      await page.evaluate(() => {
        const w = window as unknown as { benchTyped: number; benchShown: number };
        w.benchTyped = 0;
        w.benchShown = 0;
        const input = document.querySelector('#search-form input[type="search"]')!;
        input.addEventListener('input', () => (w.benchTyped = performance.now()), { capture: true });
        const list = document.getElementById('search-results')!;
        new MutationObserver(() => {
          if (!w.benchShown && list.querySelector('a')) w.benchShown = performance.now();
        }).observe(list, { childList: true, subtree: true });
      });
      counting = true;
      await page.locator('#search-form input[type="search"]').fill(query);
      await page.waitForFunction(() => (window as unknown as { benchShown: number }).benchShown > 0, undefined, { timeout: 30_000 });
      // Every byte of this query: wait until nothing is in flight and nothing new has started
      // for settleMs (the page was already network-idle before typing, so Playwright's own
      // 'networkidle' would return at once).
      const settleMs = options.settleMs ?? 500;
      const quietSince = performance.now();
      while (inFlight > 0 || performance.now() - Math.max(lastEnded, quietSince) < settleMs) await new Promise((r) => setTimeout(r, 25));
      counting = false;
      const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      const { typed, shown, results } = await page.evaluate(() => {
        const w = window as unknown as { benchTyped: number; benchShown: number };
        return { typed: w.benchTyped, shown: w.benchShown, results: document.querySelectorAll('#search-results a').length };
      });
      // A second query on the same page: what a reader waits for once Pagefind is loaded.
      const again = queries[(queries.indexOf(query) + 1) % queries.length]!;
      await page.locator('#search-form input[type="search"]').fill('');
      await page.evaluate(() => ((window as unknown as { benchShown: number }).benchShown = 0));
      await page.locator('#search-form input[type="search"]').fill(again);
      await page.waitForFunction(() => (window as unknown as { benchShown: number }).benchShown > 0, undefined, { timeout: 30_000 });
      const warm = await page.evaluate(() => {
        const w = window as unknown as { benchTyped: number; benchShown: number };
        return w.benchShown - w.benchTyped;
      });
      timings.push({ query, firstResultMs: shown - typed, warmMs: warm, bytes, results });
      await page.close();
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
  return timings;
}
