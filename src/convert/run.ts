/**
 * The convert command's I/O: read the seed folder, call convertCollection, write the meeting
 * files (removing stale ones), the optional JSON report, and print diagnostics.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatDiagnostic } from '../extract/diagnostics.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { computeEveryTime, convertCollection, type SeedInput } from './collection.ts';
import { wantsProgress, withProgress } from './progress.ts';
import { convertCacheFor } from './cache.ts';
import { ledgerFileFor, readLedger, recordPermalinks } from '../permalinks/file.ts';
import { heldSlugsOf } from '../permalinks/ledger.ts';

export interface ConvertOptions {
  seedsDir: string;
  outDir: string;
  contentDir: string;
  reportFile: string | null;
  strict: boolean;
  quiet: boolean;
  /** The permalink ledger to record into; null: none (default: content/permalinks.json beside <content>/meetings). */
  ledgerFile?: string | null;
}

export function readSeeds(dir: string): SeedInput[] {
  const names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
  return names.map((name) => {
    const id = name.slice(0, -4);
    const path = join(dir, name);
    // Over-large files are not read whole: the decoder only needs to know their size.
    const size = statSync(path).size;
    const bytes = size > 1024 * 1024 ? new Uint8Array(size) : readFileSync(path);
    const sidecarPath = join(dir, `${id}.meta.yaml`);
    return { id, bytes, sidecar: existsSync(sidecarPath) ? readFileSync(sidecarPath, 'utf8') : null };
  });
}

/** Write only what changed, remove what is no longer produced: the folder belongs to the converter. */
export function writeMeetingFiles(outDir: string, files: Map<string, string>): { written: number; removed: number } {
  mkdirSync(outDir, { recursive: true });
  let written = 0;
  let removed = 0;
  for (const [name, content] of files) {
    const path = join(outDir, name);
    if (existsSync(path) && readFileSync(path, 'utf8') === content) continue;
    writeFileSync(path, content);
    written++;
  }
  for (const name of readdirSync(outDir)) {
    if (name.endsWith('.md') && !files.has(name)) {
      rmSync(join(outDir, name));
      removed++;
    }
  }
  return { written, removed };
}

export function runConvert(options: ConvertOptions): number {
  if (!existsSync(options.seedsDir)) {
    console.error(`convert: no seeds folder at ${options.seedsDir}`);
    return 2;
  }
  const knowledge = loadKnowledge(options.contentDir);
  const seeds = readSeeds(options.seedsDir);
  // The convert cache (cache.ts): seeds converted before, by this code and knowledge, are not converted again.
  const cache = convertCacheFor(options.contentDir);
  const memo = cache ?? computeEveryTime;
  const progress = wantsProgress(process.stderr, process.env, seeds.length) ? withProgress(memo, seeds.length, process.stderr) : null;
  // Slugs already published stay with their seeds (see assembleMeetings).
  const held = heldSlugsOf(readLedger(ledgerFileFor(options)));
  const result = convertCollection(seeds, knowledge, progress ?? memo, held);
  progress?.done();
  cache?.save();
  const { written, removed } = writeMeetingFiles(options.outDir, result.files);
  recordPermalinks(options, result.meetings);
  if (options.reportFile) writeFileSync(options.reportFile, `${JSON.stringify(result.report, null, 2)}\n`);

  const seedPath = (seed: string) => relative(process.cwd(), join(options.seedsDir, `${seed}.txt`)) || `${seed}.txt`;
  for (const d of result.diagnostics) console.error(formatDiagnostic(d, seedPath));
  const count = (s: string) => result.report.filter((r) => r.status === s).length;
  if (!options.quiet) {
    console.log(
      `convert: ${seeds.length} seeds → ${result.files.size} meetings (${count('converted')} converted, ${count('merged')} merged, ${count('skipped')} skipped, ${count('rejected')} rejected); ${written} files written, ${removed} removed, ${result.diagnostics.length} diagnostics`,
    );
  }
  const problems = count('skipped') + count('rejected') + result.diagnostics.filter((d) => d.severity !== 'info').length;
  return options.strict && problems > 0 ? 1 : 0;
}
