/**
 * Screenshots of the pages with pictures (map and timeline) at 1280 and 375 px, light and dark,
 * for a person to look at. Builds the site into a scratch folder unless --dist names a built one.
 *
 *   node scripts/screenshots-pictures.ts [--dist DIR | --meetings DIR] [--base /archive/] [--out DIR] [--path /x/ …]
 *
 * --out defaults to $TMPDIR/parley-screenshots; --path (a site path, base included) repeats; --meetings builds from another
 * folder of meeting records (a larger archive shows how the pictures crowd).
 *
 * Without --path: the home page, then the first place, topic, person and year page it links to.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serveStatic } from '../src/build/serve.ts';
import { buildSiteInto } from '../tests/browser/site-build.ts';
import { launchBrowser } from '../tests/browser/chromium.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    meetings: { type: 'string' },
    base: { type: 'string', default: '/' },
    out: { type: 'string', default: join(tmpdir(), 'parley-screenshots') },
    path: { type: 'string', multiple: true },
  },
});

const base = values.base.replace(/\/?$/, '/');
// BASE_URL: a Vite variable that a parent Vite process (vitest) may have set would override BASE_PATH.
const site = values.dist
  ? { dir: values.dist, base }
  : buildSiteInto({ base, env: { BASE_URL: base }, ...(values.meetings ? { meetingsDir: values.meetings } : {}) });
const server = await serveStatic(site.dir, { base: site.base });
const browser = await launchBrowser();
mkdirSync(values.out, { recursive: true });

try {
  let paths = values.path;
  if (!paths?.length) {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const first = (section: string) => hrefs.find((h) => h.startsWith(`${base}${section}/`) && /^[^/]+\/$/.test(h.slice(`${base}${section}/`.length)));
    paths = [base, ...['places', 'topics', 'people', 'years'].map(first).filter((p): p is string => !!p)];
    await page.close();
  }
  // Print is taken with a dark preference: the worst case for pictures drawn in theme colours.
  const variants = [
    ...(['light', 'dark'] as const).flatMap((theme) => [1280, 375].map((width) => ({ theme, width, media: 'screen' as const }))),
    { theme: 'dark' as const, width: 800, media: 'print' as const },
  ];
  for (const path of paths) {
    for (const { theme, width, media } of variants) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: theme, media });
      await page.goto(new URL(path, server.url).href);
      const name = (path.replace(base, '').replace(/\/$/, '').replace(/\//g, '-') || 'home') + (media === 'print' ? '-print.png' : `-${width}-${theme}.png`);
      await page.screenshot({ path: join(values.out, name), fullPage: true });
      console.log(join(values.out, name));
      // Each picture on its own as well, at the size a reader sees it.
      for (const figure of ['world-map', 'timeline']) {
        const element = page.locator(`figure.${figure}`).first();
        if ((await element.count()) === 0) continue;
        const file = join(values.out, name.replace(/\.png$/, `-${figure}.png`));
        await element.screenshot({ path: file });
        console.log(file);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
