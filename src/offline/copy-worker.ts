/**
 * The downloadable copy written on a worker thread (emit.ts, startOfflineCopyOnWorker), so the
 * thread that asked stays free: Astro renders pages while this thread copies those handed over,
 * and Pagefind's answers reach the build while the copy is finished (src/build/finish.ts).
 * Messages in: pages as rendered, then `finish`; out: how many pages it has copied, now and
 * then, and last the copy's summary.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { OfflineCopyWriter, type OfflineOptions } from './emit.ts';

type Request = { type: 'page'; path: string; bytes: Uint8Array } | { type: 'finish'; outDir: string };

const { options } = workerData as { options: OfflineOptions };
const writer = new OfflineCopyWriter(options);
let pages = 0;
parentPort!.on('message', (request: Request) => {
  if (request.type === 'page') {
    writer.addRenderedPage(request.path, request.bytes);
    // How far the copy has got, so the build can wait when it runs ahead (emit.ts, pagesInFlight).
    if (++pages % 25 === 0) parentPort!.postMessage({ type: 'copied', pages });
  } else {
    parentPort!.postMessage({ type: 'copy', copy: writer.finish(request.outDir) });
    parentPort!.close();
  }
});
