/**
 * The downloadable copy written on a worker thread (emit.ts, startOfflineCopyOnWorker), so the
 * thread that asked stays free: Astro renders pages while this thread copies those handed over,
 * and Pagefind's answers reach the build while the copy is finished (src/build/finish.ts).
 * Messages in: pages as rendered, `ahead` once the pages that take longest are all in (the
 * meeting pages: the copy then rewrites and compresses what it has, a few pages at a time,
 * between the pages still coming), then `finish`; out: how many pages it has copied, now and
 * then, and last the copy's summary.
 */
import { availableParallelism } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { OfflineCopyWriter, type OfflineOptions } from './emit.ts';

type Request = { type: 'page'; path: string; bytes: Uint8Array; part?: string | null } | { type: 'ahead'; outDir: string } | { type: 'finish'; outDir: string };

/** Pages copied ahead at a time, between the messages that come meanwhile. */
const aheadStep = 16;

/** Helper threads for the last step, at most: past a few, reading and writing the files is what they would wait on. */
const helpersAtMost = 3;

const { options } = workerData as { options: OfflineOptions };
const writer = new OfflineCopyWriter(options);
let pages = 0;
let finishing = false;
parentPort!.on('message', (request: Request) => {
  if (request.type === 'page') {
    writer.addRenderedPage(request.path, request.bytes, request.part);
    // How far the copy has got, so the build can wait when it runs ahead (emit.ts, pagesInFlight).
    if (++pages % 25 === 0) parentPort!.postMessage({ type: 'copied', pages });
  } else if (request.type === 'ahead') {
    const step = () => {
      if (!finishing && writer.copyAhead(request.outDir, aheadStep) > 0) setImmediate(step);
    };
    step();
  } else {
    finishing = true;
    // The last step is most of the copy's work, and the build waits for it: shared with helper
    // threads, one fewer than the cores. Pagefind makes its index meanwhile on one thread; the
    // two keep both cores busy (with pages copied ahead, Pagefind is the longer).
    const helpers = Math.min(helpersAtMost, availableParallelism() - 1);
    void writer.finish(request.outDir, { helpers: Math.max(0, helpers) }).then((copy) => {
      parentPort!.postMessage({ type: 'copy', copy });
      parentPort!.close();
    }, (error: unknown) => {
      // Thrown from here, the worker ends with it and the build reads it (emit.ts).
      setImmediate(() => { throw error; });
    });
  }
});
