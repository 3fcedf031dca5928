/**
 * The downloadable copy written on a worker thread (emit.ts, writeOfflineCopyOnWorker), so the
 * thread that asked stays free: Pagefind's answers reach it and its next request goes out while
 * the copy is made (src/build/finish.ts). Its one message is the copy's summary.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeOfflineCopy, type OfflineOptions } from './emit.ts';

const { outDir, options } = workerData as { outDir: string; options: OfflineOptions };
parentPort!.postMessage(writeOfflineCopy(outDir, options));
