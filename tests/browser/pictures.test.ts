// The pictures on a built site under a base path: the home page's map links to every place with a
// meeting and its timeline shows every year with meetings; both are in the HTML as built, load
// nothing, follow the theme, fit a 320 px screen and pass axe-core.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import matter from 'gray-matter';
import { parse } from 'yaml';
import axe from 'axe-core';
import { buildSiteInto, serve } from './site-build.ts';
import { launchBrowser } from './chromium.ts';
import type { StaticServer } from '../../src/build/serve.ts';

const base = '/archive/';
const meetingsDir = 'content/meetings';
const records = readdirSync(meetingsDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => matter(readFileSync(join(meetingsDir, f), 'utf8')).data as { date: string | null; placeId: string | null });
const gazetteer = new Set((parse(readFileSync('content/places.yaml', 'utf8')) as { id: string }[]).map((p) => p.id));
const placesWithMeetings = [...new Set(records.map((m) => m.placeId).filter((id): id is string => !!id && gazetteer.has(id)))].sort();
const yearsWithMeetings = [...new Set(records.flatMap((m) => (m.date ? [Number(m.date.slice(0, 4))] : [])))].sort();

let server: StaticServer;
let browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  // Vitest puts Vite's BASE_URL=/ into process.env; the child build would take it over BASE_PATH.
  server = await serve(buildSiteInto({ base, env: { BASE_URL: base } }));
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, options: { width?: number; theme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: options.width ?? 1280, height: 900 });
  await page.emulateMedia({ colorScheme: options.theme ?? 'light' });
  await page.goto(new URL(path, server.url).href);
  return page;
}

describe('the map and the timeline on the home page', () => {
  it('has the data this test expects', () => {
    expect(placesWithMeetings.length).toBeGreaterThan(1);
    expect(yearsWithMeetings.length).toBeGreaterThan(1);
  });

  it('map: links to the page of every place that has a meeting, each named for a reader', async () => {
    const page = await open('./');
    const map = page.getByRole('group', { name: 'Map of meeting places' });
    const links = map.getByRole('link');
    const hrefs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).sort();
    expect(hrefs).toEqual(placesWithMeetings.map((id) => `${base}places/${id}/`));
    for (const name of await links.evaluateAll((as) => as.map((a) => a.getAttribute('aria-label') ?? ''))) {
      expect(name).toMatch(/^[^,]+, .+: \d+ meetings?$/);
    }
    const first = await links.first().getAttribute('aria-label');
    await expect.poll(() => map.getByRole('link', { name: first!, exact: true }).count()).toBe(1);
    // The same places as a text list under the map, folded on the home page.
    await page.getByText(/^All \d+ meeting places$/).click();
    const list = page.getByRole('list', { name: 'Meeting places' }).getByRole('link');
    expect((await list.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).sort()).toEqual(hrefs);
    await page.close();
  });

  it('map: following a marker opens that place page', async () => {
    const page = await open('./');
    const marker = page.getByRole('group', { name: 'Map of meeting places' }).getByRole('link').first();
    const target = await marker.getAttribute('href');
    await marker.click();
    await page.waitForURL((url) => url.pathname === target);
    expect((await page.request.get(page.url())).status()).toBe(200);
    await page.close();
  });

  it('timeline: shows every year with meetings, labelled with its count, linked to its year page', async () => {
    const page = await open('./');
    const timeline = page.getByRole('group', { name: /^Meetings per year/ });
    const bars = timeline.getByRole('link');
    const seen = await bars.evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute('href'), name: a.getAttribute('aria-label'), text: a.textContent?.trim().replace(/\s+/g, ' ') })),
    );
    expect(seen.map((b) => b.href)).toEqual(yearsWithMeetings.map((y) => `${base}years/${y}/`));
    for (const [i, year] of yearsWithMeetings.entries()) {
      const count = records.filter((m) => m.date?.startsWith(String(year))).length;
      expect(seen[i]!.name).toBe(`${year}: ${count} ${count === 1 ? 'meeting' : 'meetings'}`);
      // The bar's visible labels: its count and its year.
      expect(seen[i]!.text).toContain(`${year} ${count}`);
    }
    await page.close();
  });

  it('is drawn at build time: the HTML as served already holds the pictures', async () => {
    const html = await (await fetch(new URL('./', server.url))).text();
    expect(html).toMatch(/<svg[^>]*class="map[^"]*"/);
    expect(html).toContain(`href="${base}places/${placesWithMeetings[0]}/"`);
    expect(html).toContain(`href="${base}years/${yearsWithMeetings[0]}/"`);
  });

  it('makes no network request of its own: nothing leaves the site, no map data or tiles are fetched', async () => {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(new URL('./', server.url).href, { waitUntil: 'networkidle' });
    expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);
    expect(requests.filter((u) => /\.(json|topojson|geojson|png|jpe?g|webp)(\?|$)|tile/i.test(u))).toEqual([]);
    await page.close();
  });

  it('follows the theme: light and dark draw the markers and bars in different colours', async () => {
    const colours = async (theme: 'light' | 'dark') => {
      const page = await open('./', { theme });
      const read = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).fill);
      const result = { marker: await read('.world-map circle'), bar: await read('.timeline rect.bar'), land: await read('.world-map .land') };
      await page.close();
      return result;
    };
    const light = await colours('light');
    const dark = await colours('dark');
    expect(light.marker).not.toBe(dark.marker);
    expect(light.bar).not.toBe(dark.bar);
    expect(light.land).not.toBe(dark.land);
    // The site's own switch (data-theme on the root) turns them too.
    const page = await open('./', { theme: 'light' });
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    expect(await page.locator('.world-map circle').first().evaluate((el) => getComputedStyle(el).fill)).toBe(dark.marker);
    await page.close();
  });

  it('fits a 320 px screen: the map scales to the width and the page does not scroll sideways', async () => {
    const page = await open('./', { width: 320 });
    const mapBox = await page.locator('.world-map svg').boundingBox();
    expect(mapBox!.width).toBeGreaterThan(200);
    expect(mapBox!.x + mapBox!.width).toBeLessThanOrEqual(320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const timelineBox = await page.locator('.timeline .scroll').boundingBox();
    expect(timelineBox!.x + timelineBox!.width).toBeLessThanOrEqual(320);
    await page.close();
  });

  for (const [where, theme] of [['home', 'light'], ['home', 'dark'], ['place', 'light'], ['place', 'dark']] as const) {
    it(`passes axe-core with no serious violation on the ${where} page in the ${theme} theme`, async () => {
      const page = await open(where === 'home' ? './' : `places/${placesWithMeetings[0]}/`, { theme });
      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: typeof axe }).axe.run({ include: [['.world-map'], ['.timeline']] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
      await page.close();
    });
  }
});

describe('the pictures on place, topic, person and year pages', () => {
  it('a place page highlights its own marker and shows its meetings per year', async () => {
    const id = placesWithMeetings[0]!;
    const page = await open(`places/${id}/`);
    const current = page.getByRole('group', { name: 'Map of meeting places' }).locator('a[aria-current="page"]');
    await expect.poll(() => current.count()).toBe(1);
    expect(await current.getAttribute('href')).toBe(`${base}places/${id}/`);
    expect(await current.locator('circle').getAttribute('class')).toContain('current');
    const years = [...new Set(records.filter((m) => m.placeId === id && m.date).map((m) => `${base}years/${m.date!.slice(0, 4)}/`))].sort();
    const bars = page.getByRole('group', { name: /^Meetings per year/ }).getByRole('link');
    expect(await bars.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(years);
    await page.close();
  });

  for (const [kind, path] of [['topic', 'topics/'], ['person', 'people/']] as const) {
    it(`a ${kind} page shows its meetings per year, linked to the year pages`, async () => {
      const index = await open(path);
      const first = await index.locator(`main a[href^="${base}${path}"]`).first().getAttribute('href');
      await index.close();
      const page = await open(first!);
      const bars = page.getByRole('group', { name: /^Meetings per year/ }).getByRole('link');
      await expect.poll(() => bars.count()).toBeGreaterThan(0);
      for (const href of await bars.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        expect(href).toMatch(new RegExp(`^${base}years/\\d{4}/$`));
        expect((await page.request.get(new URL(href!, server.url).href)).status()).toBe(200);
      }
      await page.close();
    });
  }

  it('a year page shows every year with its own bar marked as the current page', async () => {
    const year = yearsWithMeetings.at(-1)!;
    const page = await open(`years/${year}/`);
    const bars = page.getByRole('group', { name: /^Meetings per year/ }).getByRole('link');
    expect(await bars.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(yearsWithMeetings.map((y) => `${base}years/${y}/`));
    const current = bars.and(page.locator('[aria-current="page"]'));
    expect(await current.getAttribute('href')).toBe(`${base}years/${year}/`);
    await page.close();
  });
});
