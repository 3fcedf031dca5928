// Every page type of the reading site, in headless Chromium: loads without console errors, has
// no serious or critical axe-core violation in either theme, reads at 320 px, and works by keyboard.
// The site is content/meetings plus one undated meeting, so the "date not settled" page is checked too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { buildSiteInto, serve, type BuiltSite } from './site-build.ts';
import { launchBrowser } from './chromium.ts';
import { collectErrors, currentPageDirs, meetingsWithUndated, pageTypes, seriousViolations, removeScratchDirs, removeSite } from './helpers.ts';
import type { StaticServer } from '../../src/build/serve.ts';

let site: BuiltSite;
let server: StaticServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let types: Record<string, string>;

beforeAll(async () => {
  site = buildSiteInto({ meetingsDir: meetingsWithUndated() });
  server = await serve(site);
  browser = await launchBrowser({ serviceWorkers: 'block' });
  types = pageTypes(site.dir);
}, 300_000);

afterAll(async () => {
  removeScratchDirs();
  await browser?.close();
  await server?.close();
  removeSite(site);
});

/** The 404 page is served with status 404; Chromium reports that one response as a console error. */
const expectedErrors = (name: string) => (e: string) => !(name === 'notFound' && /404/.test(e));

describe('every page type', () => {
  it('loads with no console error', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    for (const [name, path] of Object.entries(types)) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), name).toBe(name === 'notFound' ? 404 : 200);
      await expect.poll(() => page.locator('h1').count(), { message: name }).toBe(1);
      if (name === 'search') await page.locator('#search-results li').first().waitFor();
      expect(errors.filter(expectedErrors(name)), name).toEqual([]);
      errors.length = 0;
    }
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe-core violation in the ${scheme} theme`, async () => {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      const found: string[] = [];
      for (const [name, path] of Object.entries(types)) {
        await page.goto(`${server.url}${path}`);
        if (name === 'search') await page.locator('#search-results li').first().waitFor();
        // Open the collapsed evidence so its text is checked too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        expect(bg, `${name} follows the system's ${scheme} theme`).toBe(scheme === 'dark' ? 'rgb(20, 22, 26)' : 'rgb(251, 251, 249)');
        found.push(...(await seriousViolations(page)).map((v) => `${name}: ${v}`));
      }
      await page.close();
      expect(found).toEqual([]);
    });
  }

  it('reads at 320 px: nothing wider than the screen', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    for (const [name, path] of Object.entries(types)) {
      await page.goto(`${server.url}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, name).toBeLessThanOrEqual(320);
    }
    await page.close();
  });
});

describe('theme', () => {
  it('toggles, persists across pages, and applies before first paint', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(server.url);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    // The stored choice is on <html> before any stylesheet or body is parsed: no flash.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') (window as unknown as { themeAtParse: string | null }).themeAtParse = document.documentElement.getAttribute('data-theme');
      });
    });
    await page.goto(`${server.url}${types.meeting}`);
    expect(await page.evaluate(() => (window as unknown as { themeAtParse: string | null }).themeAtParse)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(232, 233, 236)');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('light');
    await page.evaluate(() => localStorage.removeItem('parley-theme'));
    await page.close();
  });
});

describe('keyboard', () => {
  it('offers a skip link first, which moves focus to the main content', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${types.meeting}`);
    await page.keyboard.press('Tab');
    const first = page.locator(':focus');
    await expect.poll(() => first.textContent()).toBe('Skip to content');
    await expect.poll(() => first.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  it('jumps to the search box with "/"', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${types.topic}`);
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('header-q');
    await page.keyboard.type('Astana');
    expect(await page.locator('#header-q').inputValue()).toBe('Astana');
    await page.close();
  });

  it('opens a topic\'s evidence from the keyboard', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${types.meeting}`);
    const summary = page.locator('.topic-evidence details summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.topic-evidence details').first().getAttribute('open')).not.toBeNull();
    await expect.poll(() => page.locator('.topic-evidence details blockquote').first().isVisible()).toBe(true);
    await page.close();
  });
});

describe('the meeting page', () => {
  it('carries canonical URL, Open Graph and schema.org Event data', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${types.meeting}`);
    const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
    expect(canonical).toMatch(/^https?:\/\/[^/]+\/meetings\/[^/]+\/$/);
    expect(await page.locator('meta[property="og:type"]').getAttribute('content')).toBe('article');
    expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toBe(canonical);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld['@type']).toBe('Event');
    expect(ld.url).toBe(canonical);
    expect(ld.attendee.length).toBeGreaterThan(0);
    await page.close();
  });

  it('says so when the date is not settled, and still links the place', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${types.undatedMeeting}`);
    expect(await page.locator('.facts time').first().textContent()).toBe('Date not settled');
    expect(await page.locator('.facts .note').first().textContent()).toBe('The report gives a day and month but no year.');
    expect(await page.locator('.fact a[href*="/places/"]').count()).toBe(1);
    expect(await page.locator('.timeline-nav').count()).toBe(0);
    await page.goto(`${server.url}years/`);
    expect(await page.locator('#undated-heading + p + ol a[href$="/meetings/undated-test-aaaaaa/"]').count()).toBe(1);
    await page.close();
  });

  it('links participants, topics and place to their pages, and shows prev/next and related meetings', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${types.meeting}`);
    expect(await page.locator('.people a[href*="/people/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.topic-evidence a[href*="/topics/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.fact a[href*="/places/"]').count()).toBe(1);
    expect(await page.locator('.timeline-nav a').count()).toBeGreaterThan(0);
    expect(await page.locator('.related li').count()).toBeGreaterThan(0);
    expect((await page.locator('.report p').count())).toBeGreaterThan(0);
    await page.close();
  });

  it('copies the citation and the BibTeX entry, each carrying the stable URL', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${types.meeting}`);
    const canonical = (await page.locator('link[rel=canonical]').getAttribute('href'))!;
    await page.getByRole('button', { name: 'Copy citation' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(canonical);
    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`^@misc\\{parley-[^,]+,[\\s\\S]*url = \\{${canonical.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\}`));
    await page.close();
  });
});

describe('print', () => {
  it('prints a meeting without the site chrome, with every piece of evidence open and source links spelled out', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${types.meeting}`);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await page.locator('.cite button').first().isVisible()).toBe(false);
    expect(await page.locator('details:not([open])').count()).toBe(0);
    expect(await page.locator('.topic-evidence blockquote').first().isVisible()).toBe(true);
    expect(await page.locator('.report p').first().isVisible()).toBe(true);
    await page.close();
  });
});

describe('data and feeds', () => {
  it('exports every meeting with its URL in /meetings.json', async () => {
    const records = (await (await fetch(`${server.url}meetings.json`)).json()) as { slug: string; url: string; sources: unknown[]; evidence: unknown }[];
    expect(records.map((r) => r.slug).sort()).toEqual(currentPageDirs(site.dir, 'meetings'));
    for (const r of records) {
      expect(r.url).toMatch(new RegExp(`/meetings/${r.slug}/$`));
      expect(r.sources.length).toBeGreaterThan(0);
    }
  });

  it('serves well-formed Atom feeds, sitemap and robots.txt', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    for (const path of ['feed.xml', 'topics/brics/feed.xml', 'sitemap-index.xml', 'sitemap-0.xml']) {
      const text = await (await fetch(`${server.url}${path}`)).text();
      const ok = await page.evaluate((xml) => new DOMParser().parseFromString(xml, 'application/xml').getElementsByTagName('parsererror').length === 0, text);
      expect(ok, path).toBe(true);
    }
    const feed = await (await fetch(`${server.url}topics/brics/feed.xml`)).text();
    expect(feed.match(/<entry>/g)?.length).toBeGreaterThan(0);
    const robots = await (await fetch(`${server.url}robots.txt`)).text();
    expect(robots).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
    await page.close();
  });
});
