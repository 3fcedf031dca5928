/**
 * A file written from pieces, one after another, without joining them first (a joined copy of a
 * 40 MB cache or a 50 MB zip is time and memory spent for nothing). I/O only.
 */
import { closeSync, openSync, writevSync } from 'node:fs';

/** Writes `pieces` to `file` (created or truncated) in order; returns the bytes written, or throws on a short write. */
export function writePiecesSync(file: string, pieces: readonly Uint8Array[]): number {
  const size = pieces.reduce((sum, piece) => sum + piece.length, 0);
  const fd = openSync(file, 'w');
  try {
    const wrote = writevSync(fd, pieces as Uint8Array[]);
    if (wrote !== size) throw new Error(`${file}: wrote ${wrote} of ${size} bytes`);
  } finally {
    closeSync(fd);
  }
  return size;
}
