/** The site half of the build, without conversion: astro build, Pagefind, then the offline files (service worker, downloadable copy). Used by tests and the benchmark. */
import { buildSiteAndFinish } from '../src/build/finish.ts';

await buildSiteAndFinish(process.env.PARLEY_OUT_DIR ?? 'dist');
