// Astro configuration. SITE_URL and BASE_PATH come from the environment (see README);
// PARLEY_OUT_DIR and PARLEY_CACHE_DIR let tests and the benchmark build in scratch folders.
import { defineConfig } from 'astro/config';
import { permalinks } from './src/permalinks/integration.ts';

const base = (process.env.BASE_PATH || '/').replace(/\/?$/, '/');

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base,
  trailingSlash: 'always',
  output: 'static',
  outDir: process.env.PARLEY_OUT_DIR || './dist',
  cacheDir: process.env.PARLEY_CACHE_DIR || './node_modules/.astro',
  // One shared stylesheet file rather than a copy in every page: inlined, it was a third of the
  // site's bytes at 10,000 meetings, and Pagefind read all of it. The offline worker precaches
  // _astro/*.css in its shell and the downloadable copy links it relatively.
  // concurrency: Astro awaits each page's mkdir and write before rendering the next; at 10,000
  // pages the main thread sat idle a third of the time. Eight pages in flight keep it busy
  // (32 → 27 s at 10,000 meetings); the pages are the same bytes whatever the order.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  devToolbar: { enabled: false },
  prefetch: false,
  markdown: { syntaxHighlight: false },
  // Old meeting URLs from content/permalinks.json: redirect and withdrawal pages, _redirects, a check.
  integrations: [permalinks()],
  // Pagefind's bundle is loaded at run time from /pagefind/; Vite must not rewrite that import.
  vite: { build: { modulePreload: false, assetsInlineLimit: 0 } },
});
