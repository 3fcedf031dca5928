/**
 * Writing many files: on this thread, or handed to a worker thread (file-writer-worker.ts) while
 * this one renders the next. Creating thousands of small files is mostly waiting on the file
 * system; on a thread of its own the waiting overlaps the rendering. One thread, not one per
 * core: two threads creating files in one folder contend for it in the kernel (2-6 times the
 * system time, and slower, measured with 9,000 meeting files). Either way a file is written only
 * when its bytes change, and the result (written or not, the file's stat) is the same.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** What writing one file did: whether its bytes were written, and its stat afterwards. */
export interface FileWritten {
  written: boolean;
  stat: string;
}

export interface FileWriter {
  /** Write `content` to `path` unless the file holds exactly that already. */
  write(path: string, content: string): void;
  /** Wait for every write asked for; what each did, by path. */
  finish(): Map<string, FileWritten>;
}

/** A file's size and modification time (ns): what tells a later run it is as this run left it. */
export function statOf(path: string): string | null {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.size}:${s.mtimeNs}`;
  } catch {
    return null;
  }
}

export function writeIfChanged(path: string, content: string): FileWritten {
  const same = existsSync(path) && readFileSync(path, 'utf8') === content;
  if (!same) writeFileSync(path, content);
  return { written: !same, stat: statOf(path)! };
}

export function inlineFileWriter(): FileWriter {
  const done = new Map<string, FileWritten>();
  return {
    write: (path, content) => void done.set(path, writeIfChanged(path, content)),
    finish: () => done,
  };
}

/** Below this many files, starting a thread costs more than it saves. */
export const minimumFilesForThreads = 200;

/** The writer for `count` files: a thread of its own when there are enough files and more than one core. */
export function fileWriterFor(count: number, cores: number = availableParallelism()): FileWriter {
  return count >= minimumFilesForThreads && cores > 1 ? threadedFileWriter(1) : inlineFileWriter();
}

export type WriterRequest = { files: [path: string, content: string][] };
export type WriterReply = { done: [path: string, written: FileWritten][] } | { failed: string };
export interface WriterSetup {
  port: MessagePort;
  /** Slot 0 counts the replies every thread has posted: the caller sleeps on it in `finish`. */
  replies: Int32Array;
}

/** Files travel in batches: few messages, and each thread has the next batch at hand. */
const batchSize = 128;
/** A thread silent this long has died (its errors cannot reach a thread blocked waiting). */
const silenceLimitMs = 120_000;

/** `threads` writer threads (one folder: one thread, see above), given batches in turn; the calls stay synchronous, like the rest of the converter. */
export function threadedFileWriter(threads: number): FileWriter {
  const replies = new Int32Array(new SharedArrayBuffer(4));
  const ports: MessagePort[] = [];
  const workers = Array.from({ length: threads }, () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    const setup: WriterSetup = { port: port2, replies };
    const worker = new Worker(new URL('./file-writer-worker.ts', import.meta.url), { workerData: setup, transferList: [port2] });
    worker.unref();
    return worker;
  });
  let batch: [string, string][] = [];
  let sent = 0;
  const send = () => {
    if (batch.length === 0) return;
    ports[sent % threads]!.postMessage({ files: batch } satisfies WriterRequest);
    sent++;
    batch = [];
  };
  return {
    write(path, content) {
      batch.push([path, content]);
      if (batch.length >= batchSize) send();
    },
    finish() {
      send();
      const done = new Map<string, FileWritten>();
      let received = 0;
      let seen = 0;
      try {
        while (received < sent) {
          if (Atomics.wait(replies, 0, seen, silenceLimitMs) === 'timed-out') throw new Error('convert: a file writer thread stopped answering');
          seen = Atomics.load(replies, 0);
          for (const port of ports) {
            for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
              const reply = message.message as WriterReply;
              if ('failed' in reply) throw new Error(`convert: writing a meeting file failed: ${reply.failed}`);
              for (const [path, written] of reply.done) done.set(path, written);
              received++;
            }
          }
        }
      } finally {
        for (const port of ports) port.close();
        for (const worker of workers) void worker.terminate();
      }
      return done;
    },
  };
}
