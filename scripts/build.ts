/**
 * npm run build: convert seeds → content/meetings/, build the site with Astro, index it with
 * Pagefind, write the offline files (service worker, downloadable copy). Each stage's failure fails the build with its message.
 */
import { runConvert } from '../src/convert/run.ts';
import { buildSiteAndFinish } from '../src/build/finish.ts';

const outDir = process.env.PARLEY_OUT_DIR ?? 'dist';
const quiet = process.argv.includes('--quiet');

const convertStatus = runConvert({ seedsDir: 'seeds', outDir: 'content/meetings', contentDir: 'content', reportFile: null, strict: false, quiet });
if (convertStatus !== 0) process.exit(convertStatus);
// Vite's own name for the base: one inherited from the caller (vitest sets it) would override BASE_PATH.
delete process.env.BASE_URL;
await buildSiteAndFinish(outDir);
