/**
 * A helper thread of the copy's last step (emit.ts, OfflineCopyWriter.finish): copies the files it
 * claims from the shared counter and answers with them, while the thread that started it copies
 * the rest. Message out: the files it copied (copy-files.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { copyClaimedFiles, type CopyHelperTask } from './copy-files.ts';

const { outDir, paths, files, base, counter } = workerData as CopyHelperTask;
const copied = copyClaimedFiles(outDir, paths, counter, { base, files: new Set(files) });
// The compressed bytes move to the other thread rather than being copied (those that own their buffer whole).
const owned = copied.map((file) => file.entry.data).filter((data) => data.byteOffset === 0 && data.byteLength === data.buffer.byteLength);
parentPort!.postMessage(copied, [...new Set(owned.map((data) => data.buffer as ArrayBuffer))]);
