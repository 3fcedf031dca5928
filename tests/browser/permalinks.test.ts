// Old meeting URLs keep working after the seeds change: in a scratch copy of seeds/, one meeting's
// place is corrected, one seed is withdrawn and two reports that first stood apart are merged;
// a reader following the old URLs lands on the new page or on a withdrawal notice, at / and under /archive/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { buildSiteInto, serve, type BuiltSite } from './site-build.ts';
import { launchBrowser } from './chromium.ts';
import type { StaticServer } from '../../src/build/serve.ts';
import { parseLedger, type Ledger } from '../../src/permalinks/ledger.ts';

const SITE_URL = 'https://parley.test';
const placeFixed = '003_0fb7ed26430ebbf7'; // Moscow in the committed seeds; becomes Beijing
const withdrawn = '004_72a2f02afa1bcb5f'; // removed
const original = '001_14491b6800b66db6'; // Samarkand, 14 April 2023
const duplicate = '005_second_report'; // the same report, first read as 15 April, then corrected

const scratch = mkdtempSync(join(tmpdir(), 'parley-permalinks-'));
const seedsDir = join(scratch, 'seeds');
const ledgerFile = join(scratch, 'permalinks.json');
let before: Map<string, string>;
let after: Map<string, string>;
let ledger: Ledger;
let browser: { context: BrowserContext; close: () => Promise<void> };
const servers: StaticServer[] = [];
const sites: BuiltSite[] = [];

/** Convert the scratch seeds into the scratch ledger; seed → slug. */
function convert(name: string): Map<string, string> {
  const report = join(scratch, `${name}.json`);
  execFileSync(process.execPath, ['scripts/convert.ts', '--quiet', '--seeds', seedsDir, '--out', join(scratch, 'meetings'), '--ledger', ledgerFile, '--report', report], { stdio: 'pipe' });
  const entries = JSON.parse(readFileSync(report, 'utf8')) as { seed: string; slug: string | null }[];
  return new Map(entries.map((e) => [e.seed, e.slug!]));
}

function editSeed(id: string, from: string | RegExp, to: string): void {
  const path = join(seedsDir, `${id}.txt`);
  const text = readFileSync(path, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`fixture: ${id} has no ${from}`);
  writeFileSync(path, edited);
}

beforeAll(async () => {
  mkdirSync(seedsDir);
  for (const name of readdirSync('seeds')) copyFileSync(join('seeds', name), join(seedsDir, name));
  copyFileSync(join(seedsDir, `${original}.txt`), join(seedsDir, `${duplicate}.txt`));
  editSeed(duplicate, 'Samarkand, 14 April 2023', 'Samarkand, 15 April 2023');
  before = convert('before');

  editSeed(placeFixed, /Moscow/g, 'Beijing');
  rmSync(join(seedsDir, `${withdrawn}.txt`));
  editSeed(duplicate, 'Samarkand, 15 April 2023', 'Samarkand, 14 April 2023');
  after = convert('after');
  ledger = parseLedger(readFileSync(ledgerFile, 'utf8'), ledgerFile);

  for (const base of ['/', '/archive/']) {
    // Output inside the project: Astro stages an outside outDir's prerender chunks in the shared
    // ./.astro/.prerender/, where another build running at the same time would overwrite them.
    mkdirSync('.scratch', { recursive: true });
    const out = mkdtempSync(join('.scratch', 'permalinks-site-'));
    buildSiteInto({ base, meetingsDir: join(scratch, 'meetings'), env: { PARLEY_PERMALINKS_FILE: ledgerFile, SITE_URL, PARLEY_OUT_DIR: join(out, 'dist'), PARLEY_CACHE_DIR: join(out, 'cache') } });
    const site = { dir: join(process.cwd(), out, 'dist'), base };
    sites.push(site);
    servers.push(await serve(site));
  }
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  for (const s of sites) rmSync(join(s.dir, '..'), { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe('the scratch conversions', () => {
  it('moved, withdrew and merged what the fixture meant to', () => {
    expect(after.get(placeFixed), 'the corrected place gives a new slug').not.toBe(before.get(placeFixed));
    expect(after.has(withdrawn)).toBe(false);
    expect(before.get(duplicate), 'the two reports first stand apart').not.toBe(before.get(original));
    expect(after.get(duplicate), 'and are then merged').toBe(after.get(original));
    expect(ledger.slugs[before.get(placeFixed)!]).toMatchObject({ status: 'redirect', to: after.get(placeFixed) });
    expect(ledger.slugs[before.get(withdrawn)!]!.status).toBe('withdrawn');
    expect(ledger.slugs[before.get(duplicate)!]).toMatchObject({ status: 'redirect', to: after.get(original) });
  });
});

describe.each([0, 1])('old URLs (site %#)', (i) => {
  const root = () => servers[i]!.url;
  const base = () => sites[i]!.base;
  const title = (slug: string) => ledger.slugs[slug]!.meeting.title;

  it('an old URL whose meeting changed place redirects to the new one', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${root()}meetings/${before.get(placeFixed)}/`);
    await page.waitForURL(`${root()}meetings/${after.get(placeFixed)}/`, { timeout: 10_000 });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title(after.get(placeFixed)!));
    await page.close();
  });

  it('the redirect page links to the new URL, names it canonical and is not indexed', async () => {
    const page = await browser.context.newPage();
    // Fetched, not navigated: the page itself, before its refresh sends the browser on.
    const response = await page.request.get(`${root()}meetings/${before.get(placeFixed)}/`, { maxRedirects: 0 });
    const html = await response.text();
    const target = `${base()}meetings/${after.get(placeFixed)}/`;
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${target}">`);
    expect(html).toContain(`<link rel="canonical" href="${SITE_URL}${target}">`);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain(`<a href="${target}">${title(after.get(placeFixed)!)}</a>`);
    await page.close();
  });

  it('a withdrawn meeting\'s URL says so, with its title, date and place, and a way on', async () => {
    const page = await browser.context.newPage();
    const slug = before.get(withdrawn)!;
    const was = ledger.slugs[slug]!.meeting;
    await page.goto(`${root()}meetings/${slug}/`);
    expect(page.url()).toBe(`${root()}meetings/${slug}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This meeting record was withdrawn');
    const main = (await page.locator('main').textContent())!;
    expect(main).toContain(was.title);
    expect(main).toContain(was.location.city!);
    expect(await page.locator('main time').getAttribute('datetime')).toBe(was.date);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    await page.getByRole('link', { name: 'All topics' }).click();
    await page.waitForURL(`${root()}topics/`, { timeout: 10_000 });
    await page.goBack();
    await page.getByRole('link', { name: /^Search the archive for/ }).click();
    await page.waitForURL(new RegExp(`^${root().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}search/\\?q=`), { timeout: 10_000 });
    await page.close();
  });

  it('the URL of a report merged into another meeting redirects to that meeting', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${root()}meetings/${before.get(duplicate)}/`);
    await page.waitForURL(`${root()}meetings/${after.get(original)}/`, { timeout: 10_000 });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title(after.get(original)!));
    await page.close();
  });

  it('_redirects holds a 301 for every moved URL, under the base path', () => {
    const rules = readFileSync(join(sites[i]!.dir, '_redirects'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    const rule = (from: string, to: string) => `${base()}meetings/${from}/ ${base()}meetings/${to}/ 301`;
    expect(rules.sort()).toEqual([rule(before.get(placeFixed)!, after.get(placeFixed)!), rule(before.get(duplicate)!, after.get(original)!)].sort());
  });
});
