/**
 * npm run eval -- [--corpus DIR] [--no-seeds] [--json]
 * Converts DIR/*.txt together with the project's seeds/ (in memory, nothing is written) and
 * scores the records against DIR/truth.json and tests/fixtures/seeds-truth.json: a table per
 * field, the misses, and the converter's throughput. Exit 2 on bad arguments, else 0.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { convertCollection, type SeedInput } from '../src/convert/collection.ts';
import { readSeeds } from '../src/convert/run.ts';
import { formatMisses, formatTable, scoreConversion } from '../src/eval/score.ts';
import { parseTruth, seedIdOf, type TruthEntry } from '../src/eval/truth.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';

const usage = 'usage: npm run eval -- [--corpus DIR] [--no-seeds] [--content DIR] [--json]';
let args;
try {
  args = parseArgs({
    options: {
      corpus: { type: 'string' },
      'no-seeds': { type: 'boolean', default: false },
      seeds: { type: 'string', default: 'seeds' },
      'seeds-truth': { type: 'string', default: 'tests/fixtures/seeds-truth.json' },
      content: { type: 'string', default: 'content' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (error) {
  console.error(`eval: ${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const fail = (message: string): never => {
  console.error(`eval: ${message}\n${usage}`);
  process.exit(2);
};

const seeds: SeedInput[] = [];
const truth: TruthEntry[] = [];
const unlisted: string[] = [];
if (args.corpus !== undefined) {
  const truthFile = join(args.corpus, 'truth.json');
  if (!existsSync(args.corpus)) fail(`no corpus folder at ${args.corpus}`);
  if (!existsSync(truthFile)) fail(`no truth.json in ${args.corpus}`);
  let entries: TruthEntry[] = [];
  try {
    entries = parseTruth(readFileSync(truthFile, 'utf8'), truthFile);
  } catch (error) {
    fail((error as Error).message);
  }
  const corpus = readSeeds(args.corpus);
  const listed = new Set(entries.map((t) => seedIdOf(t.seed)));
  seeds.push(...corpus);
  truth.push(...entries);
  unlisted.push(...corpus.map((s) => s.id).filter((id) => !listed.has(id)));
}
if (!args['no-seeds']) {
  if (!existsSync(args.seeds!)) fail(`no seeds folder at ${args.seeds}`);
  const own = readSeeds(args.seeds!).filter((s) => !seeds.some((c) => c.id === s.id));
  seeds.push(...own);
  if (existsSync(args['seeds-truth']!)) {
    try {
      const entries = parseTruth(readFileSync(args['seeds-truth']!, 'utf8'), args['seeds-truth']!);
      truth.push(...entries.filter((t) => !truth.some((u) => u.seed === t.seed)));
    } catch (error) {
      fail((error as Error).message);
    }
  }
}
if (seeds.length === 0) fail('nothing to score: give --corpus DIR or keep the seeds');

const knowledge = loadKnowledge(args.content!);
// Throughput: the first run pays for compiling every pattern; the second is the steady rate.
const timed = () => {
  const started = performance.now();
  const converted = convertCollection(seeds, knowledge);
  return { converted, ms: performance.now() - started };
};
const cold = timed();
const { converted: result, ms } = timed();
const scored = scoreConversion(truth, result, unlisted);

if (args.json) {
  console.log(JSON.stringify({ ...scored, seeds: seeds.length, milliseconds: { cold: Math.round(cold.ms), warm: Math.round(ms) } }, null, 2));
} else {
  const from = [args.corpus, args['no-seeds'] ? null : args.seeds].filter(Boolean).join(' + ');
  console.log(`eval: ${seeds.length} articles (${from}), ${truth.length} with expected records\n`);
  console.log(formatTable(scored));
  if (scored.misses.length) console.log(`\nmisses:\n${formatMisses(scored.misses)}`);
  const rate = (t: number) => ((seeds.length * 1000) / t).toFixed(1);
  console.log(`\nthroughput (convertCollection, in memory): ${seeds.length} seeds in ${ms.toFixed(0)} ms warm, ${rate(ms)} seeds/s (first run ${cold.ms.toFixed(0)} ms, ${rate(cold.ms)} seeds/s)`);
  console.log(scored.passed ? 'all targets met' : 'some targets NOT met');
}
