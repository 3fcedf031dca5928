/**
 * npm run build: convert seeds → content/meetings/, build the site with Astro, index it with
 * Pagefind, write the offline files (service worker, downloadable copy). Each stage's failure
 * fails the build with its message. The conversion runs in a process of its own, so what it
 * held (hundreds of MB for a large archive) is given back before the site build starts.
 */
import { spawnSync } from 'node:child_process';
import { buildSiteAndFinish } from '../src/build/finish.ts';

const outDir = process.env.PARLEY_OUT_DIR ?? 'dist';
const quiet = process.argv.includes('--quiet');

const converted = spawnSync(process.execPath, ['scripts/convert.ts', ...(quiet ? ['--quiet'] : [])], { stdio: 'inherit' });
if (converted.status !== 0) process.exit(converted.status ?? 1);
await buildSiteAndFinish(outDir);
