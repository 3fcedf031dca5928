/**
 * The meeting files on disk. The folder belongs to the converter: what is no longer produced is
 * removed, and a file is written only when its bytes change. A meeting whose inputs (its slug and
 * the digests of its seeds' outcomes) are those of the last run, and whose file still has the stat
 * that run left, is not even rendered again: the list of what each run wrote (OutputRecord) says.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** The file's text, or null when there is none (gone since the folder was listed too). */
function textOf(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function statOf(path: string): string | null {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.size}:${s.mtimeNs}`;
  } catch {
    return null;
  }
}

/** Write what changed, remove what is no longer produced; returns the counts and the new record. */
export function writeMeetingFiles(outDir: string, files: Iterable<MeetingOutput>, previous: OutputRecord = new Map()): { written: number; removed: number; record: OutputRecord } {
  mkdirSync(outDir, { recursive: true });
  // Listed once: a file not in it is new (a cold run into an empty folder asked for each of
  // thousands, about 0.1 s at 10,000 meetings).
  const present = new Set(readdirSync(outDir));
  let written = 0;
  let removed = 0;
  const record: OutputRecord = new Map();
  const produced = new Set<string>();
  for (const { name, key, render } of files) {
    produced.add(name);
    const path = join(outDir, name);
    const before = previous.get(name);
    const stat = before && key !== null && before.key === key ? statOf(path) : null;
    if (stat !== null && stat === before!.stat) {
      record.set(name, before!);
      continue;
    }
    const content = render();
    if (!(present.has(name) && textOf(path) === content)) {
      writeFileSync(path, content);
      written++;
    }
    if (key !== null) record.set(name, { key, stat: statOf(path)! });
  }
  // Every file this run wrote is produced: what was there before is all that may be stale.
  for (const name of present) {
    if (name.endsWith('.md') && !produced.has(name)) {
      rmSync(join(outDir, name));
      removed++;
    }
  }
  return { written, removed, record };
}
