/**
 * The convert cache: what converting a seed gave last time, so a run after one article changed
 * redoes only that article (and the meetings it touches). An entry is keyed on the bytes it was
 * computed from (seed, sidecar, the collection's reference date; see ConvertMemo) and on the
 * extractor's version: a digest of the converter's source, the installed packages and the
 * knowledge files. Change any of them and every entry misses, so output is always byte-identical
 * to a cold run. One file, rewritten only when something changed, holding only entries this run
 * used, so it never grows stale.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { ConvertMemo } from './collection.ts';

/** Bump to drop every cache written before a change in the cache's own format. */
const formatVersion = 'parley-convert-cache-1';

const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const projectDir = join(srcDir, '..');
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
 */
export function extractorVersion(contentDir: string): string {
  const hash = createHash('sha256').update(formatVersion);
  const add = (path: string) => hash.update(`\0${path}\0`).update(readFileSync(path));
  for (const dir of codeDirs) for (const file of filesUnder(join(srcDir, dir))) if (file.endsWith('.ts')) add(file);
  const lock = join(projectDir, 'package-lock.json');
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

interface CacheFile {
  version: string;
  entries: Map<string, Buffer>;
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

/** Open the cache in `dir` for converter version `version`; a missing or unreadable cache is empty. */
export function openConvertCache(dir: string, version: string): ConvertCache {
  const file = join(dir, 'convert-cache.v8');
  let previous = new Map<string, Buffer>();
  try {
    const loaded = deserialize(readFileSync(file)) as CacheFile;
    if (loaded.version === version && loaded.entries instanceof Map) previous = loaded.entries;
  } catch {
    // No cache yet, or one this version cannot read: start empty.
  }
  const used = new Map<string, Buffer>();
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
      used.set(key, serialize(value));
      return value;
    },
    save() {
      if (misses === 0 && used.size === previous.size) return;
      mkdirSync(dir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, serialize({ version, entries: used } satisfies CacheFile));
      renameSync(temporary, file);
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
