/**
 * The copy's per-file work, shared by the threads that finish it: each built file read from disk,
 * hashed for the precache list and made into its zip entry (a page rewritten for the copy and
 * compressed). Threads claim the files a few at a time from one shared counter, so they split the
 * work evenly whatever the pages' sizes, and each returns what it made with the file's position,
 * for the caller to lay out in path order. File reading and the helper threads only; the rest is pure.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { bytesAsText, copyHtml, copySearchPage, type CopyContext } from './copy.ts';
import type { BuiltFile } from './precache.ts';
import { zipEntry, type ZipEntry } from './zip.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A built file's place in the precache list: its path, size and hash. */
export const builtFile = (path: string, bytes: Uint8Array): BuiltFile => ({ path, size: bytes.length, sha256: sha256(bytes) });

/** A file's entry in the zip: a page rewritten for the copy (read as bytes, see PageForm), anything else as it is. */
export function copyEntry(path: string, bytes: Uint8Array, context: CopyContext): ZipEntry {
  if (!path.endsWith('.html')) return zipEntry(path, bytes);
  const held = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const page = path === 'search/index.html' ? copySearchPage(held, path) : held;
  return zipEntry(path, Buffer.from(copyHtml(page, path, context, bytesAsText), 'latin1'));
}

/** A built file's precache record and zip entry, from its bytes as read. */
export function copiedFile(path: string, bytes: Uint8Array, context: CopyContext): Omit<CopiedFile, 'at'> {
  return { read: builtFile(path, bytes), entry: copyEntry(path, bytes, context) };
}

/** One file as a thread copied it: its position in the list it was claimed from. */
export interface CopiedFile {
  at: number;
  read: BuiltFile;
  entry: ZipEntry;
}

/** Files claimed at a time: enough that the counter is seldom touched, few enough that threads end together. */
const claimed = 16;

/** A counter the threads that copy one list share (`copyClaimedFiles`), at 0. */
export function newClaimCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/**
 * Copies files of `paths` (relative to `outDir`) until every one is claimed, by this thread or
 * another holding the same `counter`.
 */
export function copyClaimedFiles(outDir: string, paths: readonly string[], counter: Int32Array, context: CopyContext): CopiedFile[] {
  const out: CopiedFile[] = [];
  for (let from = Atomics.add(counter, 0, claimed); from < paths.length; from = Atomics.add(counter, 0, claimed)) {
    for (let at = from; at < Math.min(from + claimed, paths.length); at++) {
      const path = paths[at]!;
      const bytes = readFileSync(join(outDir, path));
      out.push({ at, ...copiedFile(path, bytes, context) });
    }
  }
  return out;
}

/** What a helper thread is given (copy-files-worker.ts). */
export interface CopyHelperTask {
  outDir: string;
  paths: readonly string[];
  /** every file of the copy, for the links */
  files: readonly string[];
  base: string;
  counter: Int32Array;
}

/** Copies the files a helper thread claims (copy-files-worker.ts), beside whatever this thread claims. */
export function copyOnHelper(task: CopyHelperTask): Promise<CopiedFile[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./copy-files-worker.ts', import.meta.url), { workerData: task });
    let answer: CopiedFile[] | null = null;
    worker.once('message', (copied: CopiedFile[]) => (answer = copied));
    worker.once('error', reject);
    worker.once('exit', (code) => (answer ? resolve(answer) : reject(new Error(`offline copy: a helper thread stopped (exit code ${code}) before it answered`))));
  });
}
