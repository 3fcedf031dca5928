/**
 * A worker thread of the seed converter (seed-converter.ts): compiles the knowledge once, then
 * answers batches of seeds to read (extracting those it can before the collection's reference
 * date is known) and to extract, keeping each report it extracted for rendering the meeting files
 * made from them.
 * Pure steps inside; messages are its only I/O.
 */
import { enableCompileCache } from 'node:module';
import { serialize } from 'node:v8';
import { workerData } from 'node:worker_threads';
import type { MergeInput } from '../extract/merge.ts';
import type { Knowledge } from '../knowledge/index.ts';
import type { SeedExtraction, SeedInput, SeedReading } from './seed.ts';
import type { ExtractedEntry, WorkerReply, WorkerRequest, WorkerSetup } from './seed-converter.ts';

// Each thread compiles its modules anew: Node's compile cache (see scripts/convert.ts) spares it.
enableCompileCache();
const { compileKnowledge } = await import('../knowledge/index.ts');
const { extractSeed, extractSeedAlone, readSeed } = await import('./seed.ts');
const { buildMeeting } = await import('../extract/merge.ts');
const { meetingFile, summaryOf } = await import('./collection.ts');

const { files, port, replies } = workerData as WorkerSetup;
/** Seeds read here and left for the extract step (read again then: see inlineConverter). */
const read = new Map<string, SeedInput>();
const extracted = new Map<string, MergeInput>();
let knowledge: Knowledge | null = null;

/** An extraction as handed over: serialised before the summary is made and before any rendering, so the bytes are the outcome as extracted. */
function handed(id: string, reading: SeedReading, extraction: SeedExtraction): ExtractedEntry {
  if (extraction.input) extracted.set(id, extraction.input);
  const entry = { reading, extraction };
  return [id, serialize(entry), summaryOf({ id, ...entry })];
}

const transferOf = (entries: ExtractedEntry[]) => [...new Set(entries.map(([, bytes]) => bytes.buffer as ArrayBuffer))];

function answer(request: WorkerRequest): { reply: WorkerReply; transfer: ArrayBuffer[] } {
  knowledge ??= compileKnowledge(files);
  if (request.type === 'read') {
    const readings: [string, SeedReading][] = [];
    const entries: ExtractedEntry[] = [];
    for (const seed of request.seeds) {
      const { reading, doc } = readSeed(seed, knowledge);
      readings.push([seed.id, reading]);
      const extraction = request.extract && !reading.rejected ? extractSeedAlone(seed, reading, knowledge, doc) : null;
      if (extraction) entries.push(handed(seed.id, reading, extraction));
      else read.set(seed.id, seed);
    }
    return { reply: { type: 'read', readings, entries }, transfer: transferOf(entries) };
  }
  if (request.type === 'render') {
    const files: [string, string][] = request.plans.map((plan) => [plan.slug, meetingFile(buildMeeting(plan, (seed) => extracted.get(seed)!, knowledge!))]);
    return { reply: { type: 'render', files }, transfer: [] };
  }
  const entries: ExtractedEntry[] = [];
  for (const job of request.jobs) {
    const seed = job.seed ?? read.get(job.id)!;
    read.delete(job.id);
    entries.push(handed(job.id, job.reading, extractSeed(seed, job.reading, request.reference, knowledge)));
  }
  return { reply: { type: 'extract', entries }, transfer: transferOf(entries) };
}

port.on('message', (request: WorkerRequest) => {
  let out: { reply: WorkerReply; transfer: ArrayBuffer[] };
  try {
    out = answer(request);
  } catch (error) {
    out = { reply: { type: 'failed', message: (error as Error).message }, transfer: [] };
  }
  port.postMessage(out.reply, out.transfer);
  // Wake the main thread, asleep until some worker answers.
  Atomics.add(replies, 0, 1);
  Atomics.notify(replies, 0);
});
