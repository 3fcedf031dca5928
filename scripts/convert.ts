/**
 * npm run convert -- [--seeds DIR] [--out DIR] [--report FILE] [--strict] [--ledger FILE]
 * Reads seeds, converts them, writes content/meetings/ (removing stale files), prints diagnostics.
 * --ledger: the permalink ledger to record the meetings in (default: content/permalinks.json when
 * --out is content/meetings; none for another --out unless given).
 * Exit 0 on success; 1 with --strict when a seed was skipped or rejected or a warning was raised;
 * 2 on bad arguments.
 */
import { enableCompileCache } from 'node:module';
import { parseArgs } from 'node:util';

// Node's compile cache keeps the converter's modules compiled (and stripped of types) between
// runs: a start-up that otherwise costs more than converting one changed article. Enabled
// before the converter is imported, so it covers every module.
enableCompileCache();
const { runConvert } = await import('../src/convert/run.ts');
const { tellParent } = await import('../src/convert/build-signals.ts');
const { KnowledgeFileError } = await import('../src/knowledge/load.ts');

let args;
try {
  args = parseArgs({
    options: {
      seeds: { type: 'string', default: 'seeds' },
      out: { type: 'string', default: 'content/meetings' },
      report: { type: 'string' },
      ledger: { type: 'string' },
      strict: { type: 'boolean', default: false },
      content: { type: 'string', default: 'content' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (error) {
  console.error(`convert: ${(error as Error).message}`);
  console.error('usage: npm run convert -- [--seeds DIR] [--out DIR] [--report FILE] [--strict] [--ledger FILE]');
  process.exit(2);
}
if (args.help) {
  console.log('usage: npm run convert -- [--seeds DIR] [--out DIR] [--report FILE] [--strict] [--ledger FILE]');
  process.exit(0);
}
try {
  process.exitCode = runConvert({
    seedsDir: args.seeds!,
    outDir: args.out!,
    contentDir: args.content!,
    reportFile: args.report ?? null,
    strict: args.strict!,
    quiet: args.quiet!,
    ledgerFile: args.ledger,
    onExtracted: () => tellParent('extracted'),
    onWritten: () => tellParent('written'),
  });
} catch (error) {
  // A broken knowledge file is named with its line and field; a stack trace adds nothing.
  if (!(error instanceof KnowledgeFileError)) throw error;
  console.error(`convert: ${error.message}`);
  process.exitCode = 1;
}
