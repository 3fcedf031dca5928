// A seed full of markup and injection attempts (script tags, event handlers, javascript: links,
// fake frontmatter, {expressions}) converts, builds, shows its text escaped, and runs nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildSiteInto, serve, type BuiltSite } from './site-build.ts';
import { launchBrowser } from './chromium.ts';
import { collectErrors, convertFixtureSeeds, removeScratchDirs, removeSite } from './helpers.ts';
import type { StaticServer } from '../../src/build/serve.ts';

let site: BuiltSite;
let server: StaticServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let slug: string;

beforeAll(async () => {
  const meetingsDir = convertFixtureSeeds('tests/browser/fixtures/injection');
  slug = readdirSync(meetingsDir)[0]!.replace(/\.md$/, '');
  site = buildSiteInto({ meetingsDir });
  server = await serve(site);
  browser = await launchBrowser({ serviceWorkers: 'block' });
}, 300_000);

afterAll(async () => {
  removeScratchDirs();
  await browser?.close();
  await server?.close();
  removeSite(site);
});

/** Visit a page, hover and click around, and report anything an injected script would have left. */
async function visit(path: string): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${server.url}${path}`);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  // Fire the events an injected handler would wait for, on every element of the page.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('body *')) for (const type of ['mouseover', 'mouseenter', 'focus', 'load', 'error', 'animationstart']) el.dispatchEvent(new Event(type));
  });
  return { page, errors, dialogs };
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);

describe('a seed full of injection attempts', () => {
  it('becomes a meeting page that runs nothing from the seed', async () => {
    const { page, errors, dialogs } = await visit(`meetings/${slug}/`);
    expect(await pwned(page)).toBeNull();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    // No event-handler attribute, no javascript: URL, no element the seed could have added.
    const unsafe = await page.evaluate(() => {
      const found: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
          if (/^\s*javascript:/i.test(attr.value)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
        }
      }
      for (const el of document.querySelectorAll('main iframe, main img, main svg:not([aria-hidden]), main style, main object, main embed')) found.push(el.tagName);
      return found;
    });
    expect(unsafe).toEqual([]);
    // Every script on the page is the site's own: bundled modules, the theme snippet, JSON-LD.
    const scripts = await page.locator('script').evaluateAll((ss) => ss.map((s) => ({ src: s.getAttribute('src'), type: s.getAttribute('type'), text: s.textContent ?? '' })));
    for (const s of scripts) {
      if (s.src) expect(s.src).toMatch(/^\/(_astro\/[\w.-]+\.js|offline\.js)$/);
      else if (s.type === 'application/ld+json') expect(() => JSON.parse(s.text)).not.toThrow();
      else expect(s.text).not.toContain('__pwned');
    }
  });

  it('shows the seed\'s markup as text', async () => {
    const { page } = await visit(`meetings/${slug}/`);
    const text = await page.locator('main').innerText();
    expect(text).toContain("<script>window.__pwned='outlet'</script> Evil Times");
    expect(text).toContain("{window.__pwned = 'expression'}");
    expect(text).toContain('[a markdown link](javascript:');
    // The JSON-LD carries the same text, escaped so it cannot close its element.
    const raw = readFileSync(join(site.dir, 'meetings', slug, 'index.html'), 'utf8');
    const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(raw)![1]!;
    expect(ld).not.toMatch(/<\/?script/i);
    expect(JSON.stringify(JSON.parse(ld))).toContain("<script>window.__pwned='outlet'</script>");
  });

  it('keeps the sidecar\'s javascript: URL off the page', async () => {
    const { page } = await visit(`meetings/${slug}/`);
    expect(await page.locator('a[href^="javascript" i]').count()).toBe(0);
    expect(await page.locator('.sources a.external').count()).toBe(0);
  });

  it('runs nothing on the list pages, in search, feeds or the JSON export either', async () => {
    for (const path of ['', 'topics/brics/', 'people/sergey-lavrov/', 'places/moscow/', 'years/', `search/?q=${encodeURIComponent('Evil Times')}`]) {
      const { page, errors, dialogs } = await visit(path);
      if (path.startsWith('search')) await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/found$/);
      expect(await pwned(page), path).toBeNull();
      expect(dialogs, path).toEqual([]);
      expect(errors, path).toEqual([]);
      await page.close();
    }
    const feed = await (await fetch(`${server.url}feed.xml`)).text();
    expect(feed).not.toMatch(/<script/i);
    const records = (await (await fetch(`${server.url}meetings.json`)).json()) as { sources: { url: string | null; outlet: string }[] }[];
    expect(records[0]!.sources[0]!.url).toBeNull();
    expect(records[0]!.sources[0]!.outlet).toContain('<script>');
  });
});
