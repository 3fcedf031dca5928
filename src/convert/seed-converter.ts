/**
 * Running the per-seed steps (seed.ts) for many seeds: on this thread, or spread over worker
 * threads (worker.ts), each with the knowledge compiled once. Both give the same outcomes; the
 * collection puts them in seed order, so neither the thread count nor the timing shows in the
 * output. A worker hands each outcome over as the bytes the cache keeps (v8 serialisation),
 * moved, not copied, with the summary the collection is planned from (so this thread decodes
 * an outcome only to render its meeting), and keeps the reports it extracted, so that it can also render the meeting
 * files made from them alone (the main thread renders the rest).
 */
import { availableParallelism } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import type { SeedOutcomeEntry } from './cache.ts';
import type { SeedSummary } from './collection.ts';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Knowledge, KnowledgeFiles } from '../knowledge/index.ts';
import type { MeetingPlan } from '../extract/merge.ts';
import { extractSeed, extractSeedAlone, readSeed, type SeedExtraction, type SeedInput, type SeedReading } from './seed.ts';

export interface ExtractJob {
  seed: SeedInput;
  reading: SeedReading;
}

/** A seed's extracted outcome as a converter hands it over. */
export interface HandedEntry {
  /**
   * What planning the collection needs of it (summaryOf), when the converter made it where it
   * extracted the seed; undefined: the caller makes it from the entry.
   */
  summary?: SeedSummary;
  /** The seed's reading and extraction; from a worker, decoded only when asked for. */
  entry: () => SeedOutcomeEntry;
  /** The entry's bytes as the cache keeps them (made on demand). */
  bytes: () => Uint8Array;
}

export interface SeedConverter {
  /**
   * Step 1: each seed's reading. The seeds are taken one by one (a caller may read each file as
   * it is taken). A readable seed whose extraction does not need the collection's reference date
   * (extractSeedAlone) is extracted too, and handed to `onEntry`: only the others are left for `extract`.
   */
  read(seeds: Iterable<SeedInput>, onEntry?: (id: string, handed: HandedEntry) => void): Map<string, SeedReading>;
  /** Step 2 for readable seeds: each one's reading and extraction together (see HandedEntry). */
  extract(jobs: readonly ExtractJob[], reference: string | null, onEntry: (id: string, handed: HandedEntry) => void): void;
  /**
   * Step 3, optional: render the meeting files (meetingFile) of those planned meetings whose
   * seeds this converter extracted. Returns the file of a slug, waiting for it if need be, or
   * undefined for a meeting it does not render (the caller renders those).
   */
  render(plans: readonly MeetingPlan[]): (slug: string) => string | undefined;
  close(): void;
}

/** Below this many seeds to convert, starting workers costs more than they save. */
export const minimumSeedsForWorkers = 200;

/** Whether `count` seeds to convert get worker threads: enough seeds and more than one core. */
export function usesWorkers(count: number, threads: number = availableParallelism()): boolean {
  return count >= minimumSeedsForWorkers && threads > 1;
}

/** The converter for `count` seeds: workers when there are enough seeds and more than one core. */
export function seedConverterFor(count: number, knowledge: Knowledge, files: KnowledgeFiles, threads: number = availableParallelism()): SeedConverter {
  return usesWorkers(count, threads) ? workerConverter(files, threads) : inlineConverter(knowledge);
}

/** This thread. A seed `read` leaves to `extract` is read again there (the extraction tried on its document may have left its mark). */
export function inlineConverter(knowledge: Knowledge): SeedConverter {
  const hand = (reading: SeedReading, extraction: SeedExtraction): HandedEntry => {
    const entry = { reading, extraction };
    return { entry: () => entry, bytes: () => serialize(entry) };
  };
  return {
    read(seeds, onEntry) {
      const readings = new Map<string, SeedReading>();
      for (const seed of seeds) {
        const { reading, doc } = readSeed(seed, knowledge);
        readings.set(seed.id, reading);
        const extraction = onEntry && !reading.rejected ? extractSeedAlone(seed, reading, knowledge, doc) : null;
        if (extraction) onEntry!(seed.id, hand(reading, extraction));
      }
      return readings;
    },
    extract(jobs, reference, onEntry) {
      for (const { seed, reading } of jobs) onEntry(seed.id, hand(reading, extractSeed(seed, reading, reference, knowledge)));
    },
    // On this thread the caller holds every report already: it renders them itself.
    render: () => () => undefined,
    close() {},
  };
}

/** Seeds travel in batches: few messages, and each worker has the next batch at hand. */
const batchSize = 64;
/** A worker silent this long has died (its errors cannot reach a thread blocked waiting). */
const silenceLimitMs = 120_000;

/** A seed's outcome as a worker hands it over: the bytes the cache keeps, and the summary planned from. */
export type ExtractedEntry = [id: string, bytes: Uint8Array, summary: SeedSummary];

export type WorkerRequest =
  | { type: 'read'; seeds: SeedInput[]; extract: boolean }
  | { type: 'extract'; reference: string | null; jobs: { id: string; seed: SeedInput | null; reading: SeedReading }[] }
  | { type: 'render'; plans: MeetingPlan[] };
export type WorkerReply =
  | { type: 'read'; readings: [string, SeedReading][]; entries: ExtractedEntry[] }
  | { type: 'extract'; entries: ExtractedEntry[] }
  | { type: 'render'; files: [slug: string, content: string][] }
  | { type: 'failed'; message: string };

export interface WorkerSetup {
  /** The knowledge files, loaded once by the main thread; each worker compiles them. */
  files: KnowledgeFiles;
  port: MessagePort;
  /** Slot 0 counts the replies every worker has posted: the main thread sleeps on it. */
  replies: Int32Array;
}

/**
 * `threads` workers (worker.ts), each compiling the knowledge `files`. The calls stay
 * synchronous, like the rest of the converter: this thread posts batches and sleeps until a
 * worker has answered (Atomics.wait on a shared counter), then takes the answer off its port.
 */
export function workerConverter(files: KnowledgeFiles, threads: number): SeedConverter {
  const replies = new Int32Array(new SharedArrayBuffer(4));
  const ports: MessagePort[] = [];
  const workers = Array.from({ length: threads }, () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    const setup: WorkerSetup = { files, port: port2, replies };
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: setup, transferList: [port2] });
    worker.unref();
    return worker;
  });
  /** Which worker read a seed, and so holds it. */
  const holder = new Map<string, number>();
  /** Which worker extracted a seed, and so holds its report. */
  const extractedBy = new Map<string, number>();
  let seen = 0;

  /** Wait until some worker has answered; every answer waiting, in worker order. */
  function replied(): WorkerReply[] {
    if (Atomics.wait(replies, 0, seen, silenceLimitMs) === 'timed-out') throw new Error('convert: a worker thread stopped answering');
    seen = Atomics.load(replies, 0);
    const out: WorkerReply[] = [];
    for (const port of ports) {
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        const reply = message.message as WorkerReply;
        if (reply.type === 'failed') throw new Error(`convert: a worker thread failed: ${reply.message}`);
        out.push(reply);
      }
    }
    return out;
  }

  /** Send each worker its requests, the next as soon as it answers the last; hand over each answer. */
  function run(queues: WorkerRequest[][], onReply: (reply: WorkerReply) => void): void {
    let waiting = 0;
    const next = (w: number) => {
      const request = queues[w]!.shift();
      if (!request) return;
      ports[w]!.postMessage(request);
      waiting++;
    };
    // Two requests in flight per worker: it starts the next while this thread takes its answer.
    for (let w = 0; w < workers.length; w++) for (let i = 0; i < 2; i++) next(w);
    while (waiting > 0) {
      if (Atomics.wait(replies, 0, seen, silenceLimitMs) === 'timed-out') throw new Error('convert: a worker thread stopped answering');
      seen = Atomics.load(replies, 0);
      for (let w = 0; w < workers.length; w++) {
        for (let message = receiveMessageOnPort(ports[w]!); message; message = receiveMessageOnPort(ports[w]!)) {
          const reply = message.message as WorkerReply;
          if (reply.type === 'failed') throw new Error(`convert: a worker thread failed: ${reply.message}`);
          waiting--;
          onReply(reply);
          next(w);
        }
      }
    }
  }

  /** Each outcome a worker handed over, to `onEntry`: the summary came made, the entry is decoded only if this thread renders the seed's meeting. */
  const handOver = (entries: ExtractedEntry[], onEntry: (id: string, handed: HandedEntry) => void) => {
    for (const [id, bytes, summary] of entries) {
      let entry: SeedOutcomeEntry | undefined;
      onEntry(id, { summary, entry: () => (entry ??= deserialize(bytes) as SeedOutcomeEntry), bytes: () => bytes });
    }
  };

  return {
    read(seeds, onEntry) {
      // Batches dealt round-robin (the same split every run), each sent as soon as it is full:
      // the workers read the first seeds while the caller is still taking the next.
      let batch: SeedInput[] = [];
      let sent = 0;
      const send = () => {
        const w = sent++ % workers.length;
        ports[w]!.postMessage({ type: 'read', seeds: batch, extract: onEntry !== undefined } satisfies WorkerRequest);
        for (const seed of batch) holder.set(seed.id, w);
        batch = [];
      };
      for (const seed of seeds) {
        batch.push(seed);
        if (batch.length === batchSize) send();
      }
      if (batch.length > 0) send();
      const readings = new Map<string, SeedReading>();
      for (let answered = 0; answered < sent; ) {
        for (const reply of replied()) {
          if (reply.type === 'read') {
            for (const [id, reading] of reply.readings) readings.set(id, reading);
            for (const [id] of reply.entries) extractedBy.set(id, holder.get(id)!);
            if (onEntry) handOver(reply.entries, onEntry);
          }
          answered++;
        }
      }
      return readings;
    },
    extract(jobs, reference, onEntry) {
      // A seed goes back to the worker that read it; one read in an earlier run, to any.
      const perWorker: ExtractJob[][] = workers.map(() => []);
      jobs.forEach((job, i) => {
        const w = holder.get(job.seed.id) ?? i % workers.length;
        perWorker[w]!.push(job);
        extractedBy.set(job.seed.id, w);
      });
      const queues = perWorker.map((list, w) => {
        const requests: WorkerRequest[] = [];
        for (let from = 0; from < list.length; from += batchSize) {
          const batch = list.slice(from, from + batchSize);
          requests.push({ type: 'extract', reference, jobs: batch.map(({ seed, reading }) => ({ id: seed.id, seed: holder.get(seed.id) === w ? null : seed, reading })) });
        }
        return requests;
      });
      run(queues, (reply) => {
        if (reply.type === 'extract') handOver(reply.entries, onEntry);
      });
    },
    render(plans) {
      // A meeting goes to the worker holding all its seeds' reports; a meeting of reports from
      // two workers, or from the cache, is left to the caller. Every batch is sent at once: the
      // caller takes the files in slug order while the workers render on.
      const perWorker: MeetingPlan[][] = workers.map(() => []);
      for (const plan of plans) {
        const w = extractedBy.get(plan.seeds[0]!);
        if (w !== undefined && plan.seeds.every((seed) => extractedBy.get(seed) === w)) perWorker[w]!.push(plan);
      }
      const coming = new Set(perWorker.flat().map((plan) => plan.slug));
      perWorker.forEach((list, w) => {
        for (let from = 0; from < list.length; from += batchSize) ports[w]!.postMessage({ type: 'render', plans: list.slice(from, from + batchSize) } satisfies WorkerRequest);
      });
      const files = new Map<string, string>();
      return (slug) => {
        if (!coming.has(slug)) return undefined;
        while (!files.has(slug)) {
          for (const reply of replied()) if (reply.type === 'render') for (const [done, content] of reply.files) files.set(done, content);
        }
        const content = files.get(slug)!;
        files.delete(slug);
        return content;
      };
    },
    close() {
      for (const port of ports) port.close();
      for (const worker of workers) void worker.terminate();
    },
  };
}
