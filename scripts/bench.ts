/**
 * npm run bench -- [--count N] [--seed S] [--rounds R] [--scratch DIR] [--json FILE] [--no-search]
 * Generates N synthetic articles (default 1000), runs convert, astro build and Pagefind on them
 * in a scratch folder, builds the same Markdown with a bare Astro site as the reference, and
 * prints wall time, peak memory, pages and sizes per stage with the ratio to the reference.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatReport, runBench } from '../src/bench/run.ts';

const usage = 'usage: npm run bench -- [--count N] [--seed S] [--rounds R] [--scratch DIR] [--json FILE] [--no-search]';
let args;
try {
  args = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '1' },
      scratch: { type: 'string' },
      json: { type: 'string' },
      'no-search': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  console.error(`bench: ${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const count = Number(args.count);
const seed = Number(args.seed);
const rounds = Number(args.rounds);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || !Number.isInteger(rounds) || rounds < 1) {
  console.error(`bench: --count, --seed and --rounds take whole numbers\n${usage}`);
  process.exit(2);
}
const result = await runBench({ count, seed, rounds, scratch: args.scratch, skipSearch: args['no-search'], log: (line) => console.error(`bench: ${line}`) });
if (args.json) writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
console.log(formatReport(result));
