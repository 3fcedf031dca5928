/** The site half of the build, without conversion: astro build, Pagefind, then the offline files (service worker, downloadable copy). Used by tests and the benchmark. */
import { buildSiteAndFinish } from '../src/build/finish.ts';

// Vite's own name for the base: one inherited from the caller (vitest sets it) would override BASE_PATH.
delete process.env.BASE_URL;
await buildSiteAndFinish(process.env.PARLEY_OUT_DIR ?? 'dist');
