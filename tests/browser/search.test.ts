// A reader searches for a word from one article and follows the result to its meeting page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { buildSiteInto, serve } from './site-build.ts';
import { launchBrowser } from './chromium.ts';
import type { StaticServer } from '../../src/build/serve.ts';

let server: StaticServer;
let browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  server = await serve(buildSiteInto());
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

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
});
