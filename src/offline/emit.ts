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
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InFlight } from '../build/in-flight.ts';
import { writePiecesSync } from '../io/write-pieces.ts';
import { searchIndexScript, searchScript } from './bundle.ts';
import { copySearchScripts, leftOutOfCopy } from './copy.ts';
import { CopyAhead } from './copy-ahead.ts';
import { builtFile, copyClaimedFiles, copyOnHelper, newClaimCounter, type CopiedFile } from './copy-files.ts';
import { marksPagefindBody, pageText } from './page-text.ts';
import { defaultBudget, notPrecached, precacheManifest, serviceWorkerFile, servedPath, webManifest, type BuiltFile, type PrecacheManifest } from './precache.ts';
import type { PageText } from './search-engine.ts';
import { SearchIndexBuilder } from './search-index.ts';
import { zipArchive, zipEntry } from './zip.ts';

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
  /** pages indexed as Astro rendered them (the rest were read from disk once the site was built) */
  copiedEarly: number;
  /** pages rewritten and compressed before the site was complete (`copyAhead`) and kept */
  copiedAhead: number;
}

/** The built files the copy takes (`copied`, path order) and every file of the copy (with its own search scripts). */
function copyFileList(outDir: string): { copied: string[]; files: string[] } {
  const copied = listFiles(outDir, leftOutOfCopy).filter((p) => !leftOutOfCopy(p));
  return { copied, files: [...copied, ...copySearchScripts] };
}

/** How the copy reads one page for its search index: its place in the precache list, its indexed text and whether it marks its indexed part. */
interface ReadPage {
  read: BuiltFile;
  text: PageText | null;
  marksBodies: boolean;
}

export interface FinishOptions {
  /** threads besides this one that copy files (default: 0) */
  helpers?: number;
}

/**
 * The downloadable copy, parley-offline.zip. Each page is read once from disk, once the site is
 * complete: rewritten and compressed (by this thread and `helpers` others, copy-files.ts), and
 * only its compressed bytes are kept. Needs the built site but not Pagefind's output (the copy
 * leaves pagefind/ out), so it may run beside Pagefind.
 *
 * Pages may also be handed over as Astro renders them (`addRenderedPage`), before the site is
 * complete: their text goes into the search index then, where the pages from disk only need
 * copying. A page on disk without exactly the bytes handed over (or a page handed over that the
 * site lacks) makes the copy from disk alone.
 */
export class OfflineCopyWriter {
  private readonly options: OfflineOptions;
  private readonly base: string;
  private readonly early = new Map<string, Omit<ReadPage, 'text'>>();
  private readonly index = new SearchIndexBuilder();
  private ahead: CopyAhead | null = null;

  constructor(options: OfflineOptions = {}) {
    this.options = options;
    this.base = resolveOptions(options).base;
  }

  private readPage(path: string, bytes: Uint8Array, part?: string | null): ReadPage {
    const read = builtFile(path, bytes);
    // A page whose indexed part was cut marks its body (indexed-part.ts): only the part is read,
    // the page itself not even decoded (about 0.5 s of this thread at 10,000 meetings).
    if (typeof part === 'string') return { read, text: pageText('', servedPath(path), true, part), marksBodies: true };
    const html = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
    // Read as if the site marks the bodies to index; `finish` reads again if no page does.
    return { read, text: pageText(html, servedPath(path), true, part), marksBodies: marksPagefindBody(html) };
  }

  /**
   * A page as the build rendered it (`path` as in the built site: "meetings/x/index.html");
   * `part`: its `indexedPart`, when the caller has it already (for Pagefind).
   */
  addRenderedPage(path: string, bytes: Uint8Array, part?: string | null): void {
    if (leftOutOfCopy(path) || !path.endsWith('.html') || this.early.has(path)) return;
    const { text, ...page } = this.readPage(path, bytes, part);
    if (text) this.index.add(text, path);
    this.early.set(path, page);
    this.ahead?.add(path);
  }

  /**
   * Rewrites and compresses up to `count` of the pages handed over so far, before the site in
   * `outDir` is complete (copy-ahead.ts): what `finish` would do for them, checked there against
   * the complete site. Returns how many are left.
   */
  copyAhead(outDir: string, count: number): number {
    this.ahead ??= new CopyAhead(outDir, this.base, new Set(copyFileList(outDir).files), this.early.keys());
    return this.ahead.step(count, (path) => this.early.get(path)?.read.sha256);
  }

  /** Writes the zip from the complete site in `outDir`. */
  async finish(outDir: string, options: FinishOptions = {}): Promise<OfflineCopy> {
    const { copied, files } = copyFileList(outDir);
    const fileSet = new Set(files);
    // Pages copied ahead that stand against the complete site; the rest are copied now.
    const byPath = new Map<string, Omit<CopiedFile, 'at'>>(this.ahead?.take(fileSet));
    const copiedAhead = byPath.size;
    const rest = copiedAhead === 0 ? copied : copied.filter((path) => !byPath.has(path));
    const counter = newClaimCounter();
    const helping = Array.from({ length: options.helpers ?? 0 }, () => copyOnHelper({ outDir, paths: rest, files, base: this.base, counter }));
    helping.forEach((answer) => answer.catch(() => {})); // awaited below
    const done = copyClaimedFiles(outDir, rest, counter, { base: this.base, files: fileSet });
    for (const theirs of await Promise.all(helping)) done.push(...theirs);
    for (const file of done) byPath.set(rest[file.at]!, file);
    const byPosition = copied.map((path) => byPath.get(path)!);
    // Early pages' texts stand only if each is on disk as handed over; other pages are read for the index here.
    const read = new Map<string, BuiltFile>();
    let siteMarksBodies = false;
    let copiedEarly = 0;
    for (const { read: file } of byPosition) {
      const early = this.early.get(file.path);
      if (early) {
        if (early.read.size !== file.size || early.read.sha256 !== file.sha256) return new OfflineCopyWriter(this.options).finish(outDir, options);
        this.early.delete(file.path);
        copiedEarly++;
        siteMarksBodies ||= early.marksBodies;
      } else if (file.path.endsWith('.html')) {
        const bytes = readFileSync(join(outDir, file.path));
        const page = this.readPage(file.path, bytes);
        if (page.read.sha256 !== file.sha256) throw new Error(`offline copy: ${file.path} changed while the copy was made`);
        if (page.text) this.index.add(page.text, file.path);
        siteMarksBodies ||= page.marksBodies;
      }
      read.set(file.path, file);
    }
    // A page handed over that the site does not have.
    if (this.early.size > 0) return new OfflineCopyWriter(this.options).finish(outDir, options);
    // The site marks the bodies to index if any page does; one where none does is read again, whole pages.
    let searchIndex = this.index.finish();
    if (!siteMarksBodies) {
      const whole = new SearchIndexBuilder();
      for (const path of copied.filter((p) => p.endsWith('.html'))) {
        const text = pageText(readFileSync(join(outDir, path), 'utf8'), servedPath(path), false);
        if (text) whole.add(text, path);
      }
      searchIndex = whole.finish();
    }
    const entries = byPosition.map((file) => file.entry);
    entries.push(zipEntry('offline/search-index.js', Buffer.from(searchIndexScript(searchIndex))));
    entries.push(zipEntry('offline/search.js', Buffer.from(searchScript())));
    const zipBytes = writePiecesSync(join(outDir, 'parley-offline.zip'), zipArchive(entries, 'parley-offline'));
    return { zipBytes, searchPages: searchIndex.pages.length, read, copiedEarly, copiedAhead };
  }
}

/** Writes parley-offline.zip from the built site in `outDir` (OfflineCopyWriter, every page read from disk). */
export function writeOfflineCopy(outDir: string, options: OfflineOptions = {}): Promise<OfflineCopy> {
  return new OfflineCopyWriter(options).finish(outDir);
}

/** The copy written on a worker thread (copy-worker.ts), so this thread stays free: pages handed over early, then `finish`. */
export interface OfflineCopyOnWorker {
  /** Settles once the worker has caught up, when it has fallen behind: the build waits rather than queue the whole site in memory. */
  addRenderedPage(path: string, bytes: Uint8Array, part?: string | null): Promise<void> | void;
  /** Starts copying ahead the pages handed over (`OfflineCopyWriter.copyAhead`), beside the pages still to come. */
  copyAhead(outDir: string): void;
  finish(outDir: string): Promise<OfflineCopy>;
  /** Ends the worker without a copy (the build failed). */
  stop(): Promise<void>;
}

/** Pages handed over and not yet copied, past which `addRenderedPage` waits (about 4 MB of HTML). */
const pagesInFlight = 200;

export function startOfflineCopyOnWorker(options: OfflineOptions = {}): OfflineCopyOnWorker {
  const worker = new Worker(new URL('./copy-worker.ts', import.meta.url), { workerData: { options } });
  let failure: Error | null = null;
  let copy: OfflineCopy | undefined;
  const pages = new InFlight(pagesInFlight);
  let copied = 0;
  const ended = new Promise<void>((resolve) => {
    worker.on('message', (message: { type: 'copied'; pages: number } | { type: 'copy'; copy: OfflineCopy }) => {
      if (message.type === 'copy') copy = message.copy;
      else {
        pages.finished(message.pages - copied);
        copied = message.pages;
      }
    });
    worker.once('error', (error) => (failure = error));
    worker.once('exit', () => {
      pages.open();
      resolve();
    });
  });
  return {
    addRenderedPage(path, bytes, part) {
      // The page's own copy moves to the worker: the caller's bytes may be a view into a larger
      // buffer (Node's pool, for a small file read), which posted as it is would be copied whole.
      const own = new Uint8Array(bytes);
      worker.postMessage({ type: 'page', path, bytes: own, part }, [own.buffer]);
      pages.started();
      return failure ? undefined : pages.wait();
    },
    copyAhead(outDir) {
      worker.postMessage({ type: 'ahead', outDir });
    },
    async finish(outDir) {
      worker.postMessage({ type: 'finish', outDir });
      await ended;
      if (failure) throw failure;
      if (!copy) throw new Error('the offline copy\'s worker stopped before it wrote the copy');
      return copy;
    },
    async stop() {
      await worker.terminate();
    },
  };
}

/** writeOfflineCopy on a worker thread: the same copy, and this thread stays free. */
export function writeOfflineCopyOnWorker(outDir: string, options: OfflineOptions = {}): Promise<OfflineCopy> {
  return startOfflineCopyOnWorker(options).finish(outDir);
}

/**
 * Writes offline-manifest.json and sw.js over every file the site serves (Pagefind's included):
 * run after Pagefind and the copy. `read` holds files already hashed.
 */
export function writePrecacheFiles(outDir: string, zipBytes: number, options: OfflineOptions = {}, read = new Map<string, BuiltFile>()): PrecacheManifest {
  const { base, budget } = resolveOptions(options);
  const built: BuiltFile[] = listFiles(outDir).filter((path) => !notPrecached.has(path)).map((path) => {
    return read.get(path) ?? builtFile(path, readFileSync(join(outDir, path)));
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
export async function writeOfflineFiles(outDir: string, options: OfflineOptions = {}): Promise<OfflineSummary> {
  writeOfflineClient(outDir, options);
  const copy = await writeOfflineCopy(outDir, options);
  const manifest = writePrecacheFiles(outDir, copy.zipBytes, options, copy.read);
  return { manifest, zipBytes: copy.zipBytes, searchPages: copy.searchPages };
}
