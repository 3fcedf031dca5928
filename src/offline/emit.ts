/**
 * The offline post-build step, run after astro build and Pagefind (scripts/build.ts,
 * scripts/build-site.ts): writes into the built site
 * - offline.js and manifest.webmanifest (the page client and the install manifest),
 * - parley-offline.zip, the copy that opens from disk, with its own search index,
 * - offline-manifest.json and sw.js (the precache list, versioned by a hash of the files).
 * File I/O only here; the parts are pure modules beside it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { searchIndexScript, searchScript } from './bundle.ts';
import { copyHtml, copySearchPage, copySearchScripts, leftOutOfCopy } from './copy.ts';
import { marksPagefindBody, pageText } from './page-text.ts';
import { defaultBudget, precacheManifest, serviceWorkerFile, servedPath, webManifest, type BuiltFile, type PrecacheManifest } from './precache.ts';
import { buildSearchIndex, type PageText } from './search-engine.ts';
import { deterministicZip } from './zip.ts';

export interface OfflineOptions {
  /** the site's base path (default: BASE_PATH, else "/") */
  base?: string;
  /** bytes under which a first visit saves everything (default: PARLEY_OFFLINE_BUDGET, else 5 MiB) */
  budget?: number;
}

export interface OfflineSummary {
  manifest: PrecacheManifest;
  zipBytes: number;
  searchPages: number;
}

const source = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** The copy's search index: the pages Pagefind indexes, read the way Pagefind reads them. */
function copySearchIndex(htmlFiles: Map<string, string>) {
  const siteMarksBodies = [...htmlFiles.values()].some(marksPagefindBody);
  const pages: PageText[] = [];
  for (const [path, html] of htmlFiles) {
    const text = pageText(html, servedPath(path), siteMarksBodies);
    if (text) pages.push(text);
  }
  return buildSearchIndex(pages);
}

export function writeOfflineFiles(outDir: string, options: OfflineOptions = {}): OfflineSummary {
  const base = (options.base ?? process.env.BASE_PATH ?? '/').replace(/^\/?/, '/').replace(/\/?$/, '/');
  const budget = options.budget ?? (process.env.PARLEY_OFFLINE_BUDGET ? Number(process.env.PARLEY_OFFLINE_BUDGET) : defaultBudget);

  writeFileSync(join(outDir, 'offline.js'), source('client.js'));
  writeFileSync(join(outDir, 'manifest.webmanifest'), webManifest(base));

  // The downloadable copy.
  const all = listFiles(outDir);
  const copied = all.filter((p) => !leftOutOfCopy(p));
  const html = new Map(copied.filter((p) => p.endsWith('.html')).map((p) => [p, readFileSync(join(outDir, p), 'utf8')]));
  const index = copySearchIndex(html);
  const copyFiles = new Set([...copied, ...copySearchScripts]);
  const context = { base, files: copyFiles };
  const zipped = new Map<string, Uint8Array>();
  const encoder = new TextEncoder();
  for (const path of copied) {
    if (!path.endsWith('.html')) { zipped.set(path, readFileSync(join(outDir, path))); continue; }
    const page = path === 'search/index.html' ? copySearchPage(html.get(path)!, path) : html.get(path)!;
    zipped.set(path, encoder.encode(copyHtml(page, path, context)));
  }
  zipped.set('offline/search-index.js', encoder.encode(searchIndexScript(index)));
  zipped.set('offline/search.js', encoder.encode(searchScript()));
  const zip = deterministicZip(zipped, 'parley-offline');
  writeFileSync(join(outDir, 'parley-offline.zip'), zip);

  // The precache manifest and the worker, over everything else the site serves.
  const built: BuiltFile[] = listFiles(outDir).map((path) => {
    const bytes = readFileSync(join(outDir, path));
    return { path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  const worker = source('service-worker.js');
  const manifest = precacheManifest(built, { base, budget, zipBytes: zip.length, workerSource: worker });
  writeFileSync(join(outDir, 'offline-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(outDir, 'sw.js'), serviceWorkerFile(manifest, worker));
  return { manifest, zipBytes: zip.length, searchPages: index.pages.length };
}
