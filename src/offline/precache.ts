/**
 * The service worker's precache manifest: every file of the built site with its size, the
 * shell a first visit always saves, and a version that is a content hash of the file list (so
 * it changes exactly when a deployment changes a file, and never with the clock). Pure.
 */
import { createHash } from 'node:crypto';

/** One built file: its path inside the output folder ("meetings/x/index.html"), size and content hash. */
export interface BuiltFile {
  path: string;
  size: number;
  sha256: string;
}

export interface PrecacheManifest {
  version: string;
  /** the site's base path, "/" or "/archive/" */
  base: string;
  /** bytes under which a first visit saves everything (default: 5 MiB) */
  budget: number;
  totalBytes: number;
  /** size of the downloadable copy, shown beside its link */
  zipBytes: number;
  /** URL paths relative to the base ("meetings/x/", "pagefind/pagefind.js"), sorted */
  files: { path: string; size: number }[];
  /** what a first visit saves when the archive is over the budget */
  shell: string[];
}

/** A first visit saves the whole archive when it is at most this big (5 MiB). */
export const defaultBudget = 5 * 1024 * 1024;

/** Files the precache leaves out: the worker itself, its manifest, and the downloadable copy. */
export const notPrecached = new Set(['sw.js', 'offline-manifest.json', 'parley-offline.zip']);

/** The URL path a file is served at: "x/index.html" is "x/", the home page "". */
export function servedPath(path: string): string {
  if (path === 'index.html') return '';
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/**
 * The shell: every page-independent file (styles, scripts, icons, data, the search bundle and
 * its index) and the pages a reader needs to find the rest (home, search, not-found).
 * Left out: content pages, Pagefind's per-page fragments and its unused UI bundles, fetched as
 * read or when the reader saves the archive.
 */
export function isShell(path: string): boolean {
  if (path.startsWith('pagefind/fragment/')) return false;
  // Pagefind's ready-made UIs: the site searches through pagefind.js itself.
  if (/^pagefind\/pagefind-(ui|modular-ui|component-ui|highlight)\./.test(path)) return false;
  if (path.endsWith('.html')) return path === 'index.html' || path === 'search/index.html' || path === '404.html';
  return true;
}

export function precacheManifest(files: BuiltFile[], options: { base: string; budget?: number; zipBytes?: number; workerSource: string }): PrecacheManifest {
  const kept = files.filter((f) => !notPrecached.has(f.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = createHash('sha256');
  // The worker's own code is part of the version: a new worker must not reuse an old cache blindly.
  hash.update(`worker\t${createHash('sha256').update(options.workerSource).digest('hex')}\n`);
  for (const f of kept) hash.update(`${f.path}\t${f.size}\t${f.sha256}\n`);
  return {
    version: hash.digest('hex').slice(0, 16),
    base: options.base,
    budget: options.budget ?? defaultBudget,
    totalBytes: kept.reduce((sum, f) => sum + f.size, 0),
    zipBytes: options.zipBytes ?? 0,
    files: kept.map((f) => ({ path: servedPath(f.path), size: f.size })),
    shell: kept.filter((f) => isShell(f.path)).map((f) => servedPath(f.path)),
  };
}

/** The service worker file: the manifest as a constant, then the worker's code. */
export function serviceWorkerFile(manifest: PrecacheManifest, workerSource: string): string {
  return `const OFFLINE = ${JSON.stringify(manifest)};\n${workerSource}`;
}

/** The web app manifest: installable, opening at the archive's home under its base path. */
export function webManifest(base: string): string {
  return `${JSON.stringify({
    name: 'Parley — an archive of diplomatic meetings',
    short_name: 'Parley',
    description: 'An archive of reported meetings between foreign ministers, readable offline.',
    start_url: base,
    scope: base,
    display: 'standalone',
    background_color: '#fdfdfc',
    theme_color: '#1d4ed8',
    icons: [{ src: `${base}favicon.svg`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  }, null, 2)}\n`;
}
