/**
 * Pages as Astro writes them, in the process that runs `astro build` (astro-process.ts). Astro
 * writes each page it renders with `fs.promises.writeFile` and awaits the write before it takes
 * on more; a page the middleware told of (rendered-pages.ts) is handed on once its write has
 * settled, so whoever takes it reads the file as it is on disk, and Astro's own bytes are never
 * copied or sent. A page whose write was not seen here (an Astro that writes another way, or
 * into another folder) is handed on once the build is over: the same pages, later.
 *
 * While watching, writes into the built folder are made synchronously (`fs.promises.mkdir` and
 * `writeFile` there settle as before, once the file is on disk). Through the promise API each page
 * is four trips to libuv's thread pool (mkdir, then open, write, close), and each wakes a pool
 * thread that, with both cores busy, takes the core from Astro's main thread, which renders the
 * site one page at a time: at 10,000 meetings those calls held the main thread 4.9 s of its 29 s
 * (a profile of the build), where writing the files directly costs only the kernel's time to
 * create them (about 0.1 ms a page).
 */
import fs from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listenToRenderedPages, type MeetingPageOrder, type WrittenPage } from './rendered-pages.ts';

export interface PageWrites {
  /**
   * Hands on every page rendered and not seen written, and stops watching: call once the build
   * is over. Returns how many pages it handed on so (0 when Astro wrote them as expected).
   */
  finish(): Promise<number>;
}

/** The path inside `root` ("meetings/x/index.html") of what `writeFile` was given, or null. */
export function fileInside(root: string, target: unknown): string | null {
  const path = target instanceof URL ? fileURLToPath(target) : typeof target === 'string' ? resolve(target) : null;
  if (path === null) return null;
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || resolve(root, inside) !== path) return null;
  return inside.split(sep).join('/');
}

/** Whether `fs.promises.writeFile(...args)` can be made with `fs.writeFileSync`: bytes or text, and no abort signal. */
function writableAtOnce([, data, options]: Parameters<typeof fs.promises.writeFile>): boolean {
  const bytes = typeof data === 'string' || ArrayBuffer.isView(data);
  return bytes && (options === undefined || options === null || typeof options === 'string' || !('signal' in options && options.signal));
}

/**
 * Watches Astro's page writes into `outDir` from now until `finish`. `onWritten` may return a
 * promise: Astro's write settles once it does, so a taker that has fallen behind holds Astro back.
 */
export function watchPageWrites(outDir: string, onWritten: (page: WrittenPage) => Promise<void> | void): PageWrites {
  const root = resolve(outDir);
  // Told by the middleware before Astro writes the page: its file, and its place among the meetings.
  const rendered = new Map<string, MeetingPageOrder | null>();
  listenToRenderedPages((file, meeting) => void rendered.set(file, meeting));
  const { mkdir, writeFile } = fs.promises;
  fs.promises.mkdir = async function (this: unknown, ...args: Parameters<typeof mkdir>) {
    if (fileInside(root, args[0]) === null) return mkdir.apply(this, args);
    return fs.mkdirSync(...(args as Parameters<typeof fs.mkdirSync>));
  } as typeof mkdir;
  fs.promises.writeFile = async function (this: unknown, ...args: Parameters<typeof writeFile>): Promise<void> {
    const file = fileInside(root, args[0]);
    if (file !== null && writableAtOnce(args)) fs.writeFileSync(...(args as Parameters<typeof fs.writeFileSync>));
    else await writeFile.apply(this, args);
    if (file === null || !rendered.has(file)) return;
    const meeting = rendered.get(file)!;
    rendered.delete(file);
    await onWritten({ file, meeting });
  } as typeof writeFile;
  return {
    async finish() {
      fs.promises.mkdir = mkdir;
      fs.promises.writeFile = writeFile;
      listenToRenderedPages(null);
      const late = rendered.size;
      for (const [file, meeting] of rendered) await onWritten({ file, meeting });
      rendered.clear();
      return late;
    },
  };
}
