/**
 * The convert cache: what converting each seed gave last time, so a run after one article changed
 * reads and converts only that article. An entry belongs to one seed: the stat of its files when
 * they were read, the digest of their bytes, its reading and its extraction with the collection
 * reference date that extraction used. The whole cache is keyed on the extractor's version: a
 * digest of the converter's source, the installed packages and the knowledge files. Change any
 * of them and every entry misses, so output is always byte-identical to a cold run.
 *
 * On disk: a main file of every entry and a small journal of entries changed since, so a run that
 * converts one article writes one entry. Each file is a 4-byte length, an index (the version,
 * then per entry its seed, what the run needs to know without decoding it, and its length), then
 * the entries' bytes one after another, all in v8 serialisation; an entry is read and decoded
 * only when used.
 */
import { createHash } from 'node:crypto';
import { existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { writePiecesSync } from '../io/write-pieces.ts';
import type { KnowledgeFiles } from '../knowledge/index.ts';
import type { SeedSummary } from './collection.ts';
import type { OutputRecord } from './meeting-files.ts';
import type { SeedExtraction, SeedReading } from './seed.ts';

/** Bump to drop every cache written before a change in the cache's own format. */
const formatVersion = 'parley-convert-cache-4';

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

/** What the cache knows of a seed without decoding its entry. */
export interface SeedFacts {
  /** The stat of the seed's files when read (see seed-files.ts); null: not to be trusted, hash again. */
  stat: string | null;
  /** Digest of the seed's bytes and sidecar text: what the entry was computed from. */
  digest: string;
  /** Its reading's latest full date: the collection's reference date is the latest of these. */
  latest: string | null;
  /** The reference date its extraction used; undefined when it used none (rejected, or its report never asked for it: valid against any). */
  reference?: string | null;
  /** What the collection needs of its outcome besides its report (collection.ts). */
  summary: SeedSummary;
}

export interface SeedOutcomeEntry {
  reading: SeedReading;
  /** Null when the reading was rejected. */
  extraction: SeedExtraction | null;
}

export interface ConvertCache {
  /** The folder it lives in. */
  readonly dir: string;
  /** No seed's outcome recorded (none yet, or written by another version): every seed will be converted. */
  isEmpty(): boolean;
  facts(id: string): SeedFacts | undefined;
  /** The seed's reading and extraction, as stored. */
  outcome(id: string): SeedOutcomeEntry;
  /** Record a seed's outcome (its bytes: v8 serialisation of a SeedOutcomeEntry). */
  set(id: string, facts: SeedFacts, bytes: Uint8Array): void;
  /** Record that a seed's files were read again and found unchanged: a new stat, the same entry. */
  restat(id: string, stat: string | null): void;
  /** Write what changed, forgetting seeds not in `ids` (the seeds of this run). */
  save(ids: ReadonlySet<string>): void;
  /** The knowledge files as last loaded and validated (the version covers their bytes), or null. */
  knowledgeFiles(): KnowledgeFiles | null;
  saveKnowledgeFiles(files: KnowledgeFiles): void;
  /** What the last run wrote into `outDir` (meeting-files.ts); empty for another folder. */
  outputs(outDir: string): OutputRecord;
  saveOutputs(outDir: string, record: OutputRecord): void;
}

type IndexEntry = [id: string, facts: SeedFacts, length: number];
/** An entry: its facts, and its bytes, read from the file only when asked for. */
type Entry = { facts: SeedFacts; bytes: () => Uint8Array };

/** `length` bytes of an open file from `position`. */
function readAt(fd: number, position: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  for (let done = 0; done < length; ) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n === 0) throw new Error('convert cache: file ended early');
    done += n;
  }
  return out;
}

/**
 * Read a cache file's index into `into` (seed → facts and bytes); the count read, 0 if none or
 * unreadable. Only the index is read now: an entry's bytes when used, from the file kept open
 * (a later run replaces the file by renaming, so what this one opened stays as it was).
 */
function readCacheFile(file: string, version: string, into: Map<string, Entry>): number {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return 0; // no such file yet
  }
  try {
    const indexLength = readAt(fd, 0, 4).readUInt32LE(0);
    const index = deserialize(readAt(fd, 4, indexLength)) as { version: string; entries: IndexEntry[] };
    if (index.version !== version) return 0;
    let at = 4 + indexLength;
    const found = new Map<string, Entry>();
    for (const [id, facts, length] of index.entries) {
      const position = at;
      found.set(id, { facts, bytes: () => readAt(fd, position, length) });
      at += length;
    }
    if (at !== fstatSync(fd).size) return 0; // cut short: start afresh
    for (const [id, entry] of found) into.set(id, entry);
    return found.size;
  } catch {
    return 0; // unreadable: start afresh
  }
}

function writeCacheFile(file: string, version: string, entries: Iterable<[string, Entry]>): void {
  const list = [...entries].map(([id, e]) => [id, e.facts, e.bytes()] as const);
  const index = serialize({ version, entries: list.map(([id, facts, bytes]): IndexEntry => [id, facts, bytes.length]) });
  const length = Buffer.alloc(4);
  length.writeUInt32LE(index.length);
  const temporary = `${file}.${process.pid}.tmp`;
  // Written piece by piece, not joined first: at 10,000 seeds joining copied 40 MB (about 0.1 s).
  writePiecesSync(temporary, [length, index, ...list.map(([, , bytes]) => bytes)]);
  renameSync(temporary, file);
}

/**
 * Open the cache in `dir` for converter version `version`; a missing or unreadable cache is empty.
 * When the journal grows past a fifth of the main file, or a fifth of the main file's seeds are
 * gone, the next save writes a new main file.
 */
export function openConvertCache(dir: string, version: string): ConvertCache {
  const mainFile = join(dir, 'convert-cache.bin');
  const journalFile = join(dir, 'convert-cache.journal');
  const entries = new Map<string, Entry>();
  const inMain = readCacheFile(mainFile, version, entries);
  const journal = new Map<string, Entry>();
  if (inMain > 0) readCacheFile(journalFile, version, journal);
  for (const [id, entry] of journal) entries.set(id, entry);
  const changed = new Set<string>();
  const outputsFile = join(dir, 'outputs.json');
  const knowledgeFile = join(dir, 'knowledge.bin');
  return {
    dir,
    isEmpty: () => entries.size === 0,
    facts: (id) => entries.get(id)?.facts,
    outcome: (id) => deserialize(entries.get(id)!.bytes()) as SeedOutcomeEntry,
    set(id, facts, bytes) {
      entries.set(id, { facts, bytes: () => bytes });
      changed.add(id);
    },
    restat(id, stat) {
      const entry = entries.get(id)!;
      if (entry.facts.stat === stat) return;
      entries.set(id, { ...entry, facts: { ...entry.facts, stat } });
      changed.add(id);
    },
    save(ids) {
      const gone = [...entries.keys()].filter((id) => !ids.has(id));
      if (changed.size === 0 && gone.length <= inMain / 5) return;
      mkdirSync(dir, { recursive: true });
      for (const id of changed) journal.set(id, entries.get(id)!);
      if (inMain > 0 && journal.size <= inMain / 5 && gone.length <= inMain / 5) {
        writeCacheFile(journalFile, version, journal);
        return;
      }
      writeCacheFile(mainFile, version, [...entries].filter(([id]) => ids.has(id)).sort(([a], [b]) => (a < b ? -1 : 1)));
      rmSync(journalFile, { force: true });
    },
    knowledgeFiles() {
      try {
        const saved = deserialize(readFileSync(knowledgeFile)) as { version: string; files: KnowledgeFiles };
        return saved.version === version ? saved.files : null;
      } catch {
        return null; // none yet, or unreadable
      }
    },
    saveKnowledgeFiles(files) {
      mkdirSync(dir, { recursive: true });
      const temporary = `${knowledgeFile}.${process.pid}.tmp`;
      writeFileSync(temporary, serialize({ version, files }));
      renameSync(temporary, knowledgeFile);
    },
    outputs(outDir) {
      try {
        const saved = JSON.parse(readFileSync(outputsFile, 'utf8')) as { version: string; outDir: string; files: [string, { key: string; stat: string }][] };
        return saved.version === version && saved.outDir === resolve(outDir) ? new Map(saved.files) : new Map();
      } catch {
        return new Map(); // none yet, or unreadable
      }
    },
    saveOutputs(outDir, record) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(outputsFile, JSON.stringify({ version, outDir: resolve(outDir), files: [...record] }));
    },
  };
}

/** An entry's bytes, as `set` takes them. */
export const serializeOutcome = (entry: SeedOutcomeEntry): Uint8Array => serialize(entry);

/**
 * The cache the convert command uses: PARLEY_CONVERT_CACHE names its folder (default
 * node_modules/.cache/parley-convert); `off` turns it off.
 */
export function convertCacheFor(contentDir: string, env: NodeJS.ProcessEnv = process.env): ConvertCache | null {
  const setting = env.PARLEY_CONVERT_CACHE;
  if (setting === 'off') return null;
  return openConvertCache(setting || join('node_modules', '.cache', 'parley-convert'), extractorVersion(contentDir));
}
