/**
 * A deterministic zip: entries in path order under one top folder, every timestamp the same
 * fixed moment, so the same files always give the same bytes. Pure.
 */
import { zipSync, type Zippable } from 'fflate';

// DOS timestamps are local wall-clock fields; a Date built from fields has the same fields in
// every time zone, so the archive does not depend on the machine's zone.
const fixedTime = new Date(2000, 0, 1, 0, 0, 0);

export function deterministicZip(files: Map<string, Uint8Array>, folder: string): Uint8Array {
  const entries: Zippable = {};
  for (const path of [...files.keys()].sort()) {
    // Already-compressed files are stored as they are.
    const level = /\.(zip|png|jpe?g|gif|webp|woff2?|gz|br)$/i.test(path) ? 0 : 6;
    entries[`${folder}/${path}`] = [files.get(path)!, { level, mtime: fixedTime }];
  }
  return zipSync(entries, { mtime: fixedTime });
}
