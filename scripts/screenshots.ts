/**
 * Screenshots of every page type at 1280 and 375 px (light; dark too with --dark) and of a
 * meeting page as printed, for a person
 * to look at before a change ships. Builds into a scratch folder unless --dist names a built site.
 *
 *   node scripts/screenshots.ts [--dist DIR] [--base /archive/] [--out DIR] [--dark] [--full]
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serveStatic } from '../src/build/serve.ts';
import { buildSiteInto } from '../tests/browser/site-build.ts';
import { launchBrowser } from '../tests/browser/chromium.ts';
import { pageTypes } from '../tests/browser/helpers.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    base: { type: 'string', default: '/' },
    out: { type: 'string', default: join(tmpdir(), 'parley-screenshots') },
    dark: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
  },
});

const base = values.base.replace(/\/?$/, '/');
const site = values.dist ? { dir: values.dist, base } : buildSiteInto({ base });
const pages = pageTypes(site.dir);

const server = await serveStatic(site.dir, { base: site.base });
const browser = await launchBrowser();
mkdirSync(values.out, { recursive: true });
try {
  for (const scheme of values.dark ? (['light', 'dark'] as const) : (['light'] as const)) {
    for (const width of [1280, 375]) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${server.url}${path}`);
        if (name === 'search') await page.locator('#search-results li').first().waitFor({ timeout: 10_000 }).catch(() => {});
        const file = join(values.out, `${name}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: values.full });
        console.log(file);
      }
      await page.close();
    }
  }
  // The print stylesheet, as a reader printing a meeting page would get it.
  const print = await browser.context.newPage();
  await print.setViewportSize({ width: 800, height: 1100 });
  await print.goto(`${server.url}${pages.meeting}`);
  await print.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await print.emulateMedia({ media: 'print', colorScheme: 'light' });
  const file = join(values.out, 'meeting-print.png');
  await print.screenshot({ path: file, fullPage: true });
  console.log(file);
} finally {
  await browser.close();
  await server.close();
}
