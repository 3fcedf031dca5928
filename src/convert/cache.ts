/**
 * The convert cache: what converting a seed gave last time, so a run after one article changed
 * redoes only that article (and the meetings it touches). An entry is keyed on the bytes it was
 * computed from (seed, sidecar, the collection's reference date; see ConvertMemo) and on the
 * extractor's version: a digest of the converter's source, the installed packages and the
 * knowledge files. Change any of them and every entry misses, so output is always byte-identical
 * to a cold run. Entries no run uses any more are dropped when the main file is next rewritten.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { ConvertMemo } from './collection.ts';

/** Bump to drop every cache written before a change in the cache's own format. */
const formatVersion = 'parley-convert-cache-2';

const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Source folders whose code decides what a seed converts to. */
const codeDirs = ['convert', 'extract', 'knowledge', 'schema'];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * The extractor's version: a digest of the converter's code, the package lock (the libraries that
 * write YAML and Markdown) and the knowledge files in `contentDir` (not the generated meetings).
 * `project` is the project whose code counts (default: this one).
 */
export function extractorVersion(contentDir: string, project: string = projectDir): string {
  const hash = createHash('sha256').update(formatVersion);
  const add = (path: string) => hash.update(`\0${relative(project, path)}\0`).update(readFileSync(path));
  for (const dir of codeDirs) for (const file of filesUnder(join(project, 'src', dir))) if (file.endsWith('.ts')) add(file);
  const lock = join(project, 'package-lock.json');
  if (existsSync(lock)) add(lock);
  for (const name of readdirSync(contentDir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort()) add(join(contentDir, name));
  return hash.digest('hex');
}

export interface ConvertCache extends ConvertMemo {
  /** Entries found and computed in this run. */
  readonly hits: number;
  readonly misses: number;
  /** Write the entries this run used, when anything changed. */
  save(): void;
}

/**
 * A cache file: a 4-byte length, a JSON index ({ version, entries: [key, length][] }), then the
 * entries' bytes one after another. Read whole and sliced, never copied entry by entry.
 */
function readCacheFile(file: string, version: string, into: Map<string, Buffer>): number {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return 0; // no such file yet
  }
  try {
    const indexLength = bytes.readUInt32LE(0);
    const index = JSON.parse(bytes.subarray(4, 4 + indexLength).toString('utf8')) as { version: string; entries: [string, number][] };
    if (index.version !== version) return 0;
    let at = 4 + indexLength;
    for (const [key, length] of index.entries) {
      into.set(key, bytes.subarray(at, at + length));
      at += length;
    }
    return index.entries.length;
  } catch {
    return 0; // unreadable: start afresh
  }
}

function writeCacheFile(file: string, version: string, entries: Iterable<[string, Buffer]>): void {
  const list = [...entries];
  const index = Buffer.from(JSON.stringify({ version, entries: list.map(([key, value]) => [key, value.length]) }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(index.length);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([length, index, ...list.map(([, value]) => value)]));
  renameSync(temporary, file);
}

function keyOf(step: string, parts: readonly (string | Uint8Array | null)[]): string {
  const hash = createHash('sha256').update(step);
  for (const part of parts) {
    if (part === null) hash.update('\0n');
    else {
      // Length-prefixed, so no two different key lists hash the same bytes.
      const bytes = typeof part === 'string' ? Buffer.from(part) : part;
      hash.update(`\0${typeof part === 'string' ? 's' : 'b'}${bytes.length}:`).update(bytes);
    }
  }
  return hash.digest('base64url');
}

/**
 * Open the cache in `dir` for converter version `version`; a missing or unreadable cache is empty.
 * The cache is a main file and a small journal of entries added since: a run that converts one
 * article rewrites only the journal. When the journal or the entries no run uses grow past a
 * fifth of the main file, the next save writes a new main file of the entries last used.
 */
export function openConvertCache(dir: string, version: string): ConvertCache {
  const mainFile = join(dir, 'convert-cache.bin');
  const journalFile = join(dir, 'convert-cache.journal');
  const previous = new Map<string, Buffer>();
  const inMain = readCacheFile(mainFile, version, previous);
  const journal = new Map<string, Buffer>();
  if (inMain > 0) readCacheFile(journalFile, version, journal);
  for (const [key, value] of journal) previous.set(key, value);
  const used = new Map<string, Buffer>();
  const added = new Map<string, Buffer>();
  let hits = 0;
  let misses = 0;
  return {
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    remember<T>(step: string, parts: readonly (string | Uint8Array | null)[], compute: () => T): T {
      const key = keyOf(step, parts);
      const stored = used.get(key) ?? previous.get(key);
      if (stored) {
        hits++;
        used.set(key, stored);
        return deserialize(stored) as T;
      }
      misses++;
      const value = compute();
      // Serialised now: later steps may change the objects they are handed.
      const bytes = serialize(value);
      used.set(key, bytes);
      added.set(key, bytes);
      return value;
    },
    save() {
      const unused = previous.size - (used.size - added.size);
      if (added.size === 0 && unused <= inMain / 5) return;
      mkdirSync(dir, { recursive: true });
      if (inMain > 0 && journal.size + added.size <= inMain / 5 && unused <= inMain / 5) {
        writeCacheFile(journalFile, version, [...journal, ...added]);
        return;
      }
      writeCacheFile(mainFile, version, used);
      rmSync(journalFile, { force: true });
    },
  };
}

/**
 * The cache the convert command uses: PARLEY_CONVERT_CACHE names its folder (default
 * node_modules/.cache/parley-convert); `off` turns it off.
 */
export function convertCacheFor(contentDir: string, env: NodeJS.ProcessEnv = process.env): ConvertCache | null {
  const setting = env.PARLEY_CONVERT_CACHE;
  if (setting === 'off') return null;
  return openConvertCache(setting || join('node_modules', '.cache', 'parley-convert'), extractorVersion(contentDir));
}
