// Offline reading (issue 7), end to end in headless Chromium against real builds under a base path:
// the service worker after one visit, the "save" control above the budget, the downloadable copy
// from file:// (links, search, ranking against Pagefind's), and a new deployment reaching a
// returning reader. Two astro builds in all: the archive, then the archive plus one article.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../src/build/serve.ts';
import { writeOfflineFiles } from '../../src/offline/emit.ts';
import { launchBrowser } from './chromium.ts';

const base = '/archive/';
const work = mkdtempSync(join(tmpdir(), 'parley-offline-'));
const meetingsDir = join(work, 'meetings');
const outDir = join(work, 'dist');

/** The site half of the build into one served folder, as a redeployment would overwrite it. */
function build(): void {
  // Vitest puts Vite's BASE_URL, MODE… into process.env; Astro would take BASE_URL over BASE_PATH.
  const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...env } = process.env;
  execFileSync(process.execPath, ['scripts/build-site.ts'], {
    stdio: 'pipe',
    env: { ...env, PARLEY_OUT_DIR: outDir, PARLEY_CACHE_DIR: join(work, 'cache'), PARLEY_MEETINGS_DIR: meetingsDir, BASE_PATH: base, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}

let server: StaticServer;
let browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  cpSync('content/meetings', meetingsDir, { recursive: true });
  build();
  server = await serveStatic(outDir, { base });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

async function savedForOffline(page: Page): Promise<void> {
  await expect.poll(() => page.locator('#parley-offline-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('saved');
}

/** The site's stylesheet applied: one is linked, loaded, and lays out the page (not the browser's default body margin). */
async function styled(page: Page): Promise<void> {
  expect(await page.locator('link[rel="stylesheet"]').count()).toBeGreaterThan(0);
  await expect.poll(() => page.evaluate(() => document.styleSheets.length > 0 && getComputedStyle(document.body).margin !== '8px')).toBe(true);
}

async function firstResult(page: Page): Promise<string> {
  const first = page.locator('#search-results a').first();
  await first.waitFor({ timeout: 15_000 });
  return (await first.textContent()) ?? '';
}

describe('installable offline site', () => {
  it('after one visit, opens a meeting page not yet visited and searches with the network off', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await expect.poll(() => page.locator('link[rel="manifest"]').getAttribute('href')).toBe(`${base}manifest.webmanifest`);
    await savedForOffline(page);
    await expect.poll(() => page.locator('#parley-offline-status').textContent()).toMatch(/Saved for offline reading \([\d.]+ (MB|kB)\)/);
    await expect.poll(() => page.getByRole('link', { name: /^Download the archive/ }).textContent()).toMatch(/^Download the archive \([\d.]+ (MB|kB)\)$/);

    await browser.context.setOffline(true);
    try {
      await page.goto(`${server.url}meetings/2023-04-14-samarkand/`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sergey Lavrov meets Qin Gang in Samarkand');
      await styled(page);
      await page.goto(`${server.url}search/?q=Jakarta`);
      expect(await firstResult(page)).toBe('Sergey Lavrov meets Wang Yi in Jakarta');
    } finally {
      await browser.context.setOffline(false);
    }
    await page.close();
  });

  it('above the budget, saves the rest only when asked, with size and progress', async () => {
    // The same build, with a budget of one byte: only the shell is saved on the first visit.
    const overBudget = join(work, 'over-budget');
    cpSync(outDir, overBudget, { recursive: true });
    await writeOfflineFiles(overBudget, { base, budget: 1 });
    const small = await serveStatic(overBudget, { base });
    const reader = await launchBrowser();
    try {
      const page = await reader.context.newPage();
      await page.goto(small.url);
      const save = page.getByRole('button', { name: /Save the archive for offline use \([\d.]+ (MB|kB)\)/ });
      await save.waitFor({ timeout: 30_000 });

      await reader.context.setOffline(true);
      await page.goto(`${small.url}meetings/2023-04-14-samarkand/`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This page is not saved for offline reading');
      await reader.context.setOffline(false);

      await page.goto(small.url);
      await page.getByRole('button', { name: /Save the archive for offline use/ }).waitFor({ timeout: 30_000 });
      // Record the progress line as it changes: saving may finish between two polls.
      await page.evaluate(`(() => {
        const status = document.getElementById('parley-offline-status');
        window.progressSeen = [];
        new MutationObserver(() => {
          const note = status.querySelector('.parley-offline-progress');
          if (note && note.textContent) window.progressSeen.push(note.textContent.trim());
        }).observe(status, { subtree: true, childList: true, characterData: true });
      })()`);
      await page.getByRole('button', { name: /Save the archive for offline use/ }).click();
      await savedForOffline(page);
      const seen = (await page.evaluate('window.progressSeen')) as string[];
      expect(seen.at(-1)).toMatch(/^([\d.]+ (MB|kB)) of \1 saved$/);

      await reader.context.setOffline(true);
      await page.goto(`${small.url}meetings/2023-04-14-samarkand/`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sergey Lavrov meets Qin Gang in Samarkand');
    } finally {
      await reader.close();
      await small.close();
    }
  });
});

describe('downloadable copy', () => {
  let copyDir: string;
  const queries = ['Samarkand', 'Jakarta', 'Astana', 'Tashkent', 'Moscow', 'Qin Gang', 'Afghanistan', 'nuclear', 'Korean Peninsula', 'ASEAN', 'Ukraine', 'security',
    'SCO', 'cooperation', 'China Russia', 'foreign ministers', 'Uzbekistan', 'strategic partnership'];

  beforeAll(() => {
    copyDir = join(work, 'unzipped');
    const entries = unzipSync(readFileSync(join(outDir, 'parley-offline.zip')));
    for (const [name, bytes] of Object.entries(entries)) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(copyDir, name)), { recursive: true });
      writeFileSync(join(copyDir, name), bytes);
    }
  });

  it('links every page to files that exist in the copy', () => {
    const root = join(copyDir, 'parley-offline');
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.html')) pages.push(join(dir, e.name));
      }
    };
    walk(root);
    expect(pages.length).toBeGreaterThan(5);
    const broken: string[] = [];
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      for (const [, , value] of html.matchAll(/\s(href|src|action)="([^"]*)"|content="\d+;\s*url=()([^"]*)"/g).map((m) => [m[0], m[1], m[2] ?? m[4]] as const)) {
        if (!value || value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) continue;
        const path = decodeURI(value.replace(/[?#].*$/, ''));
        const target = posix.join(posix.dirname(file), path);
        if (value.startsWith('/') || !existsSync(target) || !/\.[a-z0-9]+$/i.test(target)) broken.push(`${file.slice(root.length)}: ${value}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('opens from file://: navigation works and searching a place finds its meeting', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(copyDir, 'parley-offline', 'index.html')).href);
    await page.locator('main a[href*="meetings/2023-09-18-moscow/"]').first().click();
    await page.waitForURL(/meetings\/2023-09-18-moscow\/index\.html$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Moscow');
    await styled(page);

    await page.locator('#header-q').fill('Astana');
    await page.locator('#header-q').press('Enter');
    await page.waitForURL(/search\/index\.html\?q=Astana$/);
    expect(await firstResult(page)).toContain('Astana');
    await page.locator('#search-results a').first().click();
    await page.waitForURL(/meetings\/2024-05-20-astana\/index\.html$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ranks the same meetings first as the online Pagefind search', async () => {
    const online = await browser.context.newPage();
    await online.goto(`${server.url}search/`);
    // A string, so that the test runner does not rewrite the browser's dynamic import.
    const pagefind = (await online.evaluate(`(async () => {
      const root = ${JSON.stringify(base)};
      const pf = await import(root + 'pagefind/pagefind.js');
      await pf.options({ baseUrl: root });
      const out = {};
      for (const q of ${JSON.stringify(queries)}) {
        const r = await pf.search(q);
        const data = await Promise.all(r.results.map((x) => x.data()));
        out[q] = data.map((d) => d.url.slice(root.length));
        for (const d of data) out['#words ' + d.url.slice(root.length)] = [String(d.word_count)];
      }
      return out;
    })()`)) as Record<string, string[]>;
    const copy = await browser.context.newPage();
    await copy.goto(pathToFileURL(join(copyDir, 'parley-offline', 'search', 'index.html')).href);
    const offline: Record<string, string[]> = await copy.evaluate((qs) => {
      const engine = (window as unknown as { ParleySearch: { search: (q: string) => { url: string }[] } }).ParleySearch;
      return Object.fromEntries(qs.map((q) => [q, engine.search(q).map((h) => h.url)]));
    }, queries);
    // The copy indexes the same words: every page's word count is Pagefind's.
    const lengths = (await copy.evaluate('Object.fromEntries(window.PARLEY_SEARCH_INDEX.pages.map((p) => ["#words " + p.url, [String(p.length)]]))')) as Record<string, string[]>;
    const pagefindLengths = Object.fromEntries(Object.entries(pagefind).filter(([k]) => k.startsWith('#words ')));
    expect(Object.keys(pagefindLengths).length).toBeGreaterThan(3);
    for (const [k, v] of Object.entries(pagefindLengths)) expect.soft(lengths[k], k).toEqual(v);
    expect(queries.filter((q) => pagefind[q]!.length > 1).length).toBeGreaterThan(5);
    for (const q of queries) {
      expect.soft(offline[q]![0], `first result for "${q}"`).toBe(pagefind[q]![0]);
      expect.soft(offline[q], `results in order for "${q}"`).toEqual(pagefind[q]);
    }
    await online.close();
    await copy.close();
  });
});

describe('a new deployment', () => {
  it('reaches a returning reader: the new article shows, and a notice reloads into the new version', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await savedForOffline(page);
    const before = JSON.parse(readFileSync(join(outDir, 'offline-manifest.json'), 'utf8')).version as string;

    const template = readFileSync(join(meetingsDir, '2023-07-13-jakarta.md'), 'utf8');
    writeFileSync(join(meetingsDir, '2025-02-03-vientiane.md'), template
      .replace(/2023-07-13-jakarta/g, '2025-02-03-vientiane').replace("date: '2023-07-13'", "date: '2025-02-03'")
      .replace(/Jakarta/g, 'Vientiane').replace(/Indonesia/g, 'Laos'));
    build();
    const after = JSON.parse(readFileSync(join(outDir, 'offline-manifest.json'), 'utf8')).version as string;
    expect(after).not.toBe(before);

    await page.goto(server.url);
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('Sergey Lavrov meets Wang Yi in Vientiane');
    const notice = page.locator('#parley-update');
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), notice.getByRole('button', { name: 'Reload' }).click({ timeout: 30_000 })]);
    await expect.poll(() => page.evaluate(() => caches.keys())).toContain(`parley-${after}`);
    await expect.poll(() => page.evaluate(() => caches.keys())).not.toContain(`parley-${before}`);

    // The new version's search index is the one served offline.
    await browser.context.setOffline(true);
    try {
      await page.goto(`${server.url}search/?q=Vientiane`);
      expect(await firstResult(page)).toBe('Sergey Lavrov meets Wang Yi in Vientiane');
    } finally {
      await browser.context.setOffline(false);
    }
    await page.close();
  });
});
