/** The site half of the build, without conversion: astro build, then Pagefind. Used by tests and the benchmark. */
import { buildSite } from '../src/build/site.ts';
import { indexSite } from '../src/build/pagefind.ts';

await buildSite();
await indexSite(process.env.PARLEY_OUT_DIR ?? 'dist');
