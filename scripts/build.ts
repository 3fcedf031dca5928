/**
 * npm run build: convert seeds → content/meetings/, build the site with Astro, index it with
 * Pagefind, write the offline files (service worker, downloadable copy). Each stage's failure
 * fails the build with its message; a failed conversion with the converter's exit code. The
 * conversion runs in a process of its own, and the site build starts as it writes its files
 * (src/build/whole-build.ts).
 */
import { buildWhole, ConvertFailed } from '../src/build/whole-build.ts';

const outDir = process.env.PARLEY_OUT_DIR ?? 'dist';
const quiet = process.argv.includes('--quiet');

try {
  await buildWhole(quiet ? ['--quiet'] : [], outDir);
} catch (error) {
  if (!(error instanceof ConvertFailed)) throw error;
  process.exitCode = error.exitCode;
}
