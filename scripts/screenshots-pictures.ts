/**
 * Screenshots of the pages with pictures (map and timeline) at 1280 and 375 px, light and dark,
 * for a person to look at. Builds the site into a scratch folder unless --dist names a built one.
 *
 *   node scripts/screenshots-pictures.ts [--dist DIR] [--base /archive/] [--out DIR] [--path /x/ …]
 *
 * Without --path: the home page, then the first place, topic, person and year page it links to.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serveStatic } from '../src/build/serve.ts';
import { buildSiteInto } from '../tests/browser/site-build.ts';
import { launchBrowser } from '../tests/browser/chromium.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    base: { type: 'string', default: '/' },
    out: { type: 'string', default: 'screenshots/pictures' },
    path: { type: 'string', multiple: true },
  },
});

const base = values.base.replace(/\/?$/, '/');
const site = values.dist ? { dir: values.dist, base } : buildSiteInto({ base });
const server = await serveStatic(site.dir, { base: site.base });
const browser = await launchBrowser();
mkdirSync(values.out, { recursive: true });

try {
  let paths = values.path;
  if (!paths?.length) {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    const first = async (prefix: string) =>
      page.locator(`a[href^="${base}${prefix}"]`).first().getAttribute('href', { timeout: 1000 }).catch(() => null);
    const found = await Promise.all(['places/', 'topics/', 'people/', 'years/'].map(first));
    paths = [base, ...found.filter((p): p is string => !!p && p.split('/').filter(Boolean).length > base.split('/').filter(Boolean).length + 1)];
    await page.close();
  }
  for (const path of paths) {
    for (const theme of ['light', 'dark'] as const) {
      for (const width of [1280, 375]) {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
        const name = (path.replace(base, '').replace(/\/$/, '').replace(/\//g, '-') || 'home') + `-${width}-${theme}.png`;
        await page.screenshot({ path: join(values.out, name), fullPage: true });
        console.log(join(values.out, name));
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
