/**
 * The site half of `npm run build`: astro build, Pagefind's index and the offline files. Astro
 * builds in a child process (astro-process.ts) that tells this one of each page it has written;
 * read from disk, the page goes to a worker thread that copies it into the downloadable copy,
 * and a meeting page to Pagefind, in its own process — both on the core Astro leaves free, and
 * below Astro in the scheduler's eyes, since Astro's process is what the build waits for. Once Astro is done and its process
 * has ended (handing back its memory), Pagefind writes its index while the worker finishes the
 * copy (which leaves pagefind/ out); the precache manifest and service worker come last, over both.
 * Given `meetingsWritten` (whole-build.ts), it starts while the converter still writes the
 * meeting files, and the site's meetings reader waits for them (meetings-ready.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { indexedPart } from '../offline/indexed-part.ts';
import { startOfflineCopyOnWorker, writeOfflineClient, writePrecacheFiles, type OfflineCopyOnWorker } from '../offline/emit.ts';
import { startPagefindFeed, type PagefindFeed } from './pagefind.ts';
import type { WrittenPage } from './rendered-pages.ts';

export interface SiteBuildSummary {
  /** pages Pagefind indexed */
  pages: number;
  /** bytes of parley-offline.zip */
  zipBytes: number;
  /** pages the copy took as Astro rendered them */
  copiedEarly: number;
  /** wall time of astro build, and of what follows it (Pagefind, the rest of the copy, the precache files) */
  astroMs: number;
  finishMs: number;
}

/**
 * The nice value of the work done beside Astro's process (the copy's worker, Pagefind's binary,
 * this thread): on two cores, given the same share as Astro, they took a third of its core and
 * stretched the build by as much; below it, they take what it leaves.
 */
const besideAstroNice = 10;

/**
 * Runs astro-process.ts, building into `outDir`, handing each page it tells of to `take`, one at
 * a time in the order told; `ended` settles when the process has ended, rejects when it fails.
 */
function buildInChildProcess(outDir: string, take: (page: WrittenPage) => Promise<void>, waitForMeetings: boolean): { ended: Promise<void>; child: ChildProcess } {
  // Vite's own name for the base: one inherited from the caller (vitest sets it) would override BASE_PATH.
  const { BASE_URL: _, ...inherited } = process.env;
  // Vite's bundler and Astro's compiler allocate with mimalloc, which by default keeps freed
  // memory for reuse: returned at once, Astro's process stays about 300 MB smaller at 10,000
  // meetings for the same time (a setting the caller's environment overrides).
  // The folder Astro builds into (astro.config.mjs) is the one this process finishes.
  const env = { MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ARENA_EAGER_COMMIT: '0', ...inherited, PARLEY_OUT_DIR: outDir, PARLEY_MEETINGS_WAIT: waitForMeetings ? '1' : '' };
  const child = fork(new URL('./astro-process.ts', import.meta.url), [], { env, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ended = new Promise<void>((resolve, reject) => {
    let taken = 0;
    let sent: number | null = null;
    let failure: unknown = null;
    let chain = Promise.resolve();
    child.on('message', (message: WrittenPage | { done: number }) => {
      chain = chain.then(async () => {
        if (failure) return;
        if ('done' in message) {
          sent = message.done;
          return;
        }
        try {
          await take(message);
        } catch (error) {
          failure = error;
          child.kill();
          return;
        }
        taken++;
        // Advisory: a process that has just disconnected no longer needs it, and a failed send
        // (EPIPE, its channel closing under this one) must not end the build.
        if (taken % 25 === 0 && child.connected) child.send({ received: taken }, () => {});
      });
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      void chain.then(() => {
        if (failure) reject(failure);
        else if (code !== 0) reject(new Error(`astro build failed (${signal ?? `exit code ${code}`}); its messages are above`));
        else if (sent !== taken) reject(new Error(`astro build's process ended having sent ${taken} of ${sent ?? 'an unknown number of'} pages`));
        else resolve();
      });
    });
  });
  return { ended, child };
}

/** A page Astro's process says it has written; a clear error when it is not there (Astro built into another folder). */
function readWrittenPage(outDir: string, file: string): Buffer {
  const path = join(outDir, file);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`astro build rendered ${file}, but ${path} cannot be read (${(error as Error).message}); is Astro's outDir ${outDir}?`, { cause: error });
  }
}

/** Lowers this thread's priority, and so that of the threads and processes it starts from now on (on Linux, a nice value is per thread). */
function yieldToAstro(): void {
  try {
    setPriority(besideAstroNice);
  } catch {
    // Not allowed here: the build is the same, only slower.
  }
}

export interface SiteBuildOptions {
  /**
   * Settles once the meeting files are all written (the converter has ended; rejects with its
   * failure): Astro starts at once and reads them only then (meetings-ready.ts). Default: written.
   */
  meetingsWritten?: Promise<void>;
}

/** astro build into `outDir` (the Astro config's outDir), then Pagefind and the offline files. */
export async function buildSiteAndFinish(outDir: string, options: SiteBuildOptions = {}): Promise<SiteBuildSummary> {
  const started = performance.now();
  let copy: OfflineCopyOnWorker | null = null;
  let search: PagefindFeed | null = null;
  // Astro's process first, at this process's priority; what it hands over waits until the copy and Pagefind have started.
  let ready!: (started: boolean) => void;
  const takers = new Promise<boolean>((resolve) => (ready = resolve));
  let meetingPages = 0;
  const astro = buildInChildProcess(outDir, async ({ file, meeting }) => {
    if (!(await takers)) throw new Error('the offline copy or Pagefind did not start');
    const bytes = readWrittenPage(outDir, file);
    if (meeting === null) return copy!.addRenderedPage(file, bytes);
    // What Pagefind reads of a meeting page: the part it indexes (the same index for less
    // parsing), else all of it; the copy reads the same part for its index.
    const html = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
    const part = indexedPart(html);
    await Promise.all([copy!.addRenderedPage(file, bytes, part), search!.add(meeting.order, file, part ?? html)]);
    // The meeting pages are in: Astro renders the list pages, and Pagefind has nothing more to
    // add, for a few seconds in which the copy's last step can begin (copy-ahead.ts).
    if (++meetingPages === meeting.of) copy!.copyAhead(outDir);
  }, options.meetingsWritten !== undefined);
  // Told once the files are written; a converter that failed fails the build with its error.
  const meetingsTold = options.meetingsWritten?.then(() => {
    if (astro.child.connected) astro.child.send({ meetingsReady: true }, () => {});
  });
  meetingsTold?.catch(() => {}); // awaited below
  try {
    yieldToAstro();
    copy = startOfflineCopyOnWorker();
    search = await startPagefindFeed();
    ready(true);
    await Promise.all([astro.ended, meetingsTold]);
    const built = performance.now();
    writeOfflineClient(outDir);
    const { pages, alongside } = await search.write(outDir, () => copy!.finish(outDir));
    writePrecacheFiles(outDir, alongside!.zipBytes, {}, alongside!.read);
    return { pages, zipBytes: alongside!.zipBytes, copiedEarly: alongside!.copiedEarly, astroMs: built - started, finishMs: performance.now() - built };
  } catch (error) {
    ready(false);
    astro.child.kill();
    await astro.ended.catch(() => {});
    await copy?.stop();
    throw error;
  } finally {
    await search?.close();
  }
}
