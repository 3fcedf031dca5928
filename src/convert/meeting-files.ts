/**
 * The meeting files on disk. The folder belongs to the converter: what is no longer produced is
 * removed, and a file is written only when its bytes change. A meeting whose inputs (its slug and
 * the digests of its seeds' outcomes) are those of the last run, and whose file still has the stat
 * that run left, is not even rendered again: the list of what each run wrote (OutputRecord) says.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type FileWriter, inlineFileWriter, statOf } from './file-writer.ts';

/** File name → what it was made from (inputKey) and its stat once written. */
export type OutputRecord = Map<string, { key: string; stat: string }>;

export interface MeetingOutput {
  name: string;
  /** Digest of everything the file is made from; null: unknown, always render. */
  key: string | null;
  render: () => string;
}

/** A meeting's inputs: its slug and, per seed in order, what the cache keys its outcome on. */
export function inputKey(m: { slug: string; seeds: readonly string[] }, seedKey: (seed: string) => string | null): string | null {
  const hash = createHash('sha256').update(m.slug);
  for (const seed of m.seeds) {
    const key = seedKey(seed);
    if (key === null) return null;
    hash.update(`\0${seed}\0${key}`);
  }
  return hash.digest('base64url');
}

/**
 * Write what changed, remove what is no longer produced; returns the counts and the new record.
 * `writerFor`: the writer for this many files to render (default: this thread; see file-writer.ts).
 */
export function writeMeetingFiles(
  outDir: string,
  files: Iterable<MeetingOutput>,
  previous: OutputRecord = new Map(),
  writerFor: (count: number) => FileWriter = inlineFileWriter,
): { written: number; removed: number; record: OutputRecord } {
  mkdirSync(outDir, { recursive: true });
  const all = [...files];
  // Unchanged inputs and the file as the last run left it: kept without rendering.
  const kept = all.map(({ name, key }) => {
    const before = previous.get(name);
    return before && key !== null && before.key === key && statOf(join(outDir, name)) === before.stat ? before : null;
  });
  const writer = writerFor(kept.filter((k) => k === null).length);
  all.forEach((file, i) => {
    if (kept[i] === null) writer.write(join(outDir, file.name), file.render());
  });
  const done = writer.finish();
  let written = 0;
  const record: OutputRecord = new Map();
  all.forEach(({ name, key }, i) => {
    const result = kept[i] ? null : done.get(join(outDir, name))!;
    if (result?.written) written++;
    if (kept[i]) record.set(name, kept[i]);
    else if (key !== null) record.set(name, { key, stat: result!.stat });
  });
  const produced = new Set(all.map((f) => f.name));
  let removed = 0;
  for (const name of readdirSync(outDir)) {
    if (name.endsWith('.md') && !produced.has(name)) {
      rmSync(join(outDir, name));
      removed++;
    }
  }
  return { written, removed, record };
}
