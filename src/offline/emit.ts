/**
 * The offline post-build step, run after astro build and Pagefind (scripts/build.ts,
 * scripts/build-site.ts): writes into the built site
 * - offline.js and manifest.webmanifest (the page client and the install manifest),
 * - parley-offline.zip, the copy that opens from disk, with its own search index,
 * - offline-manifest.json and sw.js (the precache list, versioned by a hash of the files).
 * `writeOfflineFiles` does it all; its two halves are exported for a build that runs the copy
 * (which does not read Pagefind's output) beside Pagefind, then the precache files after both.
 * File I/O only here; the parts are pure modules beside it.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { searchIndexScript, searchScript } from './bundle.ts';
import { copyHtml, copySearchPage, copySearchScripts, leftOutOfCopy } from './copy.ts';
import { marksPagefindBody, pageText } from './page-text.ts';
import { defaultBudget, notPrecached, precacheManifest, serviceWorkerFile, servedPath, webManifest, type BuiltFile, type PrecacheManifest } from './precache.ts';
import { SearchIndexBuilder } from './search-index.ts';
import { zipArchive, zipEntry, type ZipEntry } from './zip.ts';

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

/** Every file under `root`, as sorted paths relative to it; `skip` leaves a folder (its path) out. */
function listFiles(root: string, skip: (dir: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const path = relative(root, full).split(sep).join('/');
      if (entry.isDirectory()) { if (!skip(`${path}/`)) walk(full); }
      else if (entry.isFile()) out.push(path);
    }
  };
  walk(root);
  return out.sort();
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function resolveOptions(options: OfflineOptions): Required<OfflineOptions> {
  return {
    base: (options.base ?? process.env.BASE_PATH ?? '/').replace(/^\/?/, '/').replace(/\/?$/, '/'),
    budget: options.budget ?? (process.env.PARLEY_OFFLINE_BUDGET ? Number(process.env.PARLEY_OFFLINE_BUDGET) : defaultBudget),
  };
}

export interface OfflineCopy {
  /** the zip's size in bytes */
  zipBytes: number;
  /** pages in the copy's search index */
  searchPages: number;
  /** the built files the copy read (path → size and hash), for the precache manifest */
  read: Map<string, BuiltFile>;
}

/**
 * Writes parley-offline.zip. Each page is read once: indexed, rewritten and compressed, and only
 * its compressed bytes are kept. Needs the built site but not Pagefind's output (the copy leaves
 * pagefind/ out), so it may run beside Pagefind.
 */
export function writeOfflineCopy(outDir: string, options: OfflineOptions = {}): OfflineCopy {
  const { base } = resolveOptions(options);
  const copied = listFiles(outDir, leftOutOfCopy).filter((p) => !leftOutOfCopy(p));
  const context = { base, files: new Set([...copied, ...copySearchScripts]) };
  const read = new Map<string, BuiltFile>();
  const entries: ZipEntry[] = [];
  // The copy's search index: the pages Pagefind indexes, read the way Pagefind reads them. The
  // site marks the bodies to index if any page does; until that is known, each page is read as
  // if it did, and a site where none does is read again, whole bodies.
  let index = new SearchIndexBuilder();
  let siteMarksBodies = false;
  for (const path of copied) {
    const bytes = readFileSync(join(outDir, path));
    read.set(path, { path, size: bytes.length, sha256: sha256(bytes) });
    if (!path.endsWith('.html')) { entries.push(zipEntry(path, bytes)); continue; }
    const html = bytes.toString('utf8');
    siteMarksBodies ||= marksPagefindBody(html);
    const text = pageText(html, servedPath(path), true);
    if (text) index.add(text);
    const page = path === 'search/index.html' ? copySearchPage(html, path) : html;
    entries.push(zipEntry(path, Buffer.from(copyHtml(page, path, context))));
  }
  if (!siteMarksBodies) {
    index = new SearchIndexBuilder();
    for (const path of copied.filter((p) => p.endsWith('.html'))) {
      const text = pageText(readFileSync(join(outDir, path), 'utf8'), servedPath(path), false);
      if (text) index.add(text);
    }
  }
  const searchIndex = index.finish();
  entries.push(zipEntry('offline/search-index.js', Buffer.from(searchIndexScript(searchIndex))));
  entries.push(zipEntry('offline/search.js', Buffer.from(searchScript())));
  const zipBytes = writeParts(join(outDir, 'parley-offline.zip'), zipArchive(entries, 'parley-offline'));
  return { zipBytes, searchPages: searchIndex.pages.length, read };
}

/** writeOfflineCopy on a worker thread (copy-worker.ts): the same copy, and this thread stays free. */
export function writeOfflineCopyOnWorker(outDir: string, options: OfflineOptions = {}): Promise<OfflineCopy> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./copy-worker.ts', import.meta.url), { workerData: { outDir, options } });
    let copy: OfflineCopy | undefined;
    worker.once('message', (summary: OfflineCopy) => (copy = summary));
    worker.once('error', reject);
    worker.once('exit', (code) => (copy ? resolve(copy) : reject(new Error(`the offline copy's worker stopped (exit code ${code}) before it wrote the copy`))));
  });
}

function writeParts(file: string, parts: Uint8Array[]): number {
  const fd = openSync(file, 'w');
  let bytes = 0;
  try {
    for (const part of parts) { writeSync(fd, part); bytes += part.length; }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/**
 * Writes offline-manifest.json and sw.js over every file the site serves (Pagefind's included):
 * run after Pagefind and the copy. `read` holds files already hashed.
 */
export function writePrecacheFiles(outDir: string, zipBytes: number, options: OfflineOptions = {}, read = new Map<string, BuiltFile>()): PrecacheManifest {
  const { base, budget } = resolveOptions(options);
  const built: BuiltFile[] = listFiles(outDir).filter((path) => !notPrecached.has(path)).map((path) => {
    const known = read.get(path);
    if (known) return known;
    const bytes = readFileSync(join(outDir, path));
    return { path, size: bytes.length, sha256: sha256(bytes) };
  });
  const worker = source('service-worker.js');
  const manifest = precacheManifest(built, { base, budget, zipBytes, workerSource: worker });
  writeFileSync(join(outDir, 'offline-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(outDir, 'sw.js'), serviceWorkerFile(manifest, worker));
  return manifest;
}

/** offline.js and manifest.webmanifest: the page client and the install manifest. */
export function writeOfflineClient(outDir: string, options: OfflineOptions = {}): void {
  const { base } = resolveOptions(options);
  writeFileSync(join(outDir, 'offline.js'), source('client.js'));
  writeFileSync(join(outDir, 'manifest.webmanifest'), webManifest(base));
}

/** The whole step, after astro build and Pagefind (src/build/finish.ts runs the copy beside Pagefind instead). */
export function writeOfflineFiles(outDir: string, options: OfflineOptions = {}): OfflineSummary {
  writeOfflineClient(outDir, options);
  const copy = writeOfflineCopy(outDir, options);
  const manifest = writePrecacheFiles(outDir, copy.zipBytes, options, copy.read);
  return { manifest, zipBytes: copy.zipBytes, searchPages: copy.searchPages };
}
