/**
 * The seed folder on disk: which seeds there are, the stat that tells whether a seed's files
 * changed since the cache last read them, and reading a seed's bytes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { maxSeedBytes } from '../extract/decode.ts';
import type { SeedInput } from './seed.ts';

export interface SeedFile {
  id: string;
  path: string;
  /** `<id>.meta.yaml`, when there is one. */
  sidecarPath: string | null;
  /** Size and modification time of the seed and its sidecar (see seedStat); null: too recent to trust. */
  stat: string | null;
}

/**
 * A stat is trusted only for a file last modified before `trustBefore`: the modification time (ms)
 * of a file the run touched before listing the seeds. File systems stamp times from a coarse clock
 * (a tick of some milliseconds, 2 s on some), so a file written again within the tick it was read
 * in could keep its stat; one modified no earlier than the run's own stamp is hashed again next
 * time instead ("racily clean", as git calls it). Older files are trusted on size and mtime (to a
 * fraction of a microsecond): an edit that keeps both (a clock set back, a tool restoring times)
 * is missed, the price of not reading every seed on every run.
 */
function fileStat(path: string, trustBefore: number | null): string | null {
  const s = statSync(path);
  if (trustBefore === null || s.mtimeMs >= trustBefore) return null;
  return `${s.size}:${s.mtimeMs}`;
}

/** The seeds' file names in a folder's listing. */
export function seedFileNames(listing: readonly string[]): string[] {
  return listing.filter((n) => n.endsWith('.txt'));
}

/** Every seed in `dir`, sorted by id, with its stat (see fileStat); `listing`: the folder's names, when the caller has them. */
export function listSeeds(dir: string, trustBefore: number | null, listing: readonly string[] = readdirSync(dir)): SeedFile[] {
  const names = new Set(listing);
  return seedFileNames(listing)
    .sort()
    .map((name) => {
      const id = name.slice(0, -4);
      const path = join(dir, name);
      const sidecar = names.has(`${id}.meta.yaml`) ? join(dir, `${id}.meta.yaml`) : null;
      const seedStat = fileStat(path, trustBefore);
      const sidecarStat = sidecar ? fileStat(sidecar, trustBefore) : '-';
      return { id, path, sidecarPath: sidecar, stat: seedStat === null || sidecarStat === null ? null : `${seedStat}/${sidecarStat}` };
    });
}

/** A seed's bytes and sidecar. Over-large files are not read whole: the decoder only needs their size. */
export function readSeedFile(file: Pick<SeedFile, 'id' | 'path' | 'sidecarPath'>): SeedInput {
  const size = statSync(file.path).size;
  const bytes = size > maxSeedBytes ? new Uint8Array(size) : readFileSync(file.path);
  return { id: file.id, bytes, sidecar: file.sidecarPath ? readFileSync(file.sidecarPath, 'utf8') : null };
}
