/**
 * A worker thread of the seed converter (seed-converter.ts): compiles the knowledge once, then
 * answers batches of seeds to read and to extract, keeping each document it read for its
 * extraction and each report it extracted for rendering the meeting files made from them.
 * Pure steps inside; messages are its only I/O.
 */
import { enableCompileCache } from 'node:module';
import { serialize } from 'node:v8';
import { workerData } from 'node:worker_threads';
import type { ReportDocument } from '../extract/document.ts';
import type { MergeInput } from '../extract/merge.ts';
import type { Knowledge } from '../knowledge/index.ts';
import type { SeedInput, SeedReading } from './seed.ts';
import type { SeedSummary } from './collection.ts';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './seed-converter.ts';

// Each thread compiles its modules anew: Node's compile cache (see scripts/convert.ts) spares it.
enableCompileCache();
const { compileKnowledge } = await import('../knowledge/index.ts');
const { extractSeed, readSeed } = await import('./seed.ts');
const { buildMeeting } = await import('../extract/merge.ts');
const { meetingFile, summaryOf } = await import('./collection.ts');

const { files, port, replies } = workerData as WorkerSetup;
const read = new Map<string, { seed: SeedInput; doc: ReportDocument | null }>();
const extracted = new Map<string, MergeInput>();
let knowledge: Knowledge | null = null;

function answer(request: WorkerRequest): { reply: WorkerReply; transfer: ArrayBuffer[] } {
  knowledge ??= compileKnowledge(files);
  if (request.type === 'read') {
    const readings: [string, SeedReading][] = [];
    for (const seed of request.seeds) {
      const { reading, doc } = readSeed(seed, knowledge);
      read.set(seed.id, { seed, doc });
      readings.push([seed.id, reading]);
    }
    return { reply: { type: 'read', readings }, transfer: [] };
  }
  if (request.type === 'render') {
    const files: [string, string][] = request.plans.map((plan) => [plan.slug, meetingFile(buildMeeting(plan, (seed) => extracted.get(seed)!, knowledge!))]);
    return { reply: { type: 'render', files }, transfer: [] };
  }
  const entries: [string, Uint8Array, SeedSummary][] = [];
  for (const job of request.jobs) {
    const held = read.get(job.id);
    read.delete(job.id);
    const extraction = extractSeed(job.seed ?? held!.seed, job.reading, request.reference, knowledge, held?.doc ?? null);
    if (extraction.input) extracted.set(job.id, extraction.input);
    // Serialised before the summary is made and before any rendering: the bytes are the outcome as extracted.
    const entry = { reading: job.reading, extraction };
    entries.push([job.id, serialize(entry), summaryOf({ id: job.id, ...entry })]);
  }
  return { reply: { type: 'extract', entries }, transfer: [...new Set(entries.map(([, bytes]) => bytes.buffer as ArrayBuffer))] };
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
