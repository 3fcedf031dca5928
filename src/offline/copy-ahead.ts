/**
 * Pages of the downloadable copy made before the site is complete (emit.ts,
 * `OfflineCopyWriter.copyAhead`): once every meeting page is written, Astro renders the site's
 * list pages for a few seconds in which the machine is a quarter idle, and the copy's last step,
 * after Astro, keeps both cores busy. Pages handed over early are then read back, rewritten and
 * compressed ahead, a few at a time.
 *
 * A page's links are resolved against the files there are when copying ahead starts, and every
 * file a link asks about is kept: the pages copied ahead stand only if each of those links leads
 * to the same file among the complete site's files (`chosenFile` gives the same answer), and each
 * page only if its file is as it was read (same size and modification time). Otherwise the last
 * step copies them again from disk: the same zip either way.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chosenFile, type CopyContext, type CopyFiles } from './copy.ts';
import { copiedFile, type CopiedFile } from './copy-files.ts';

interface AheadPage {
  file: Omit<CopiedFile, 'at'>;
  size: number;
  mtimeMs: number;
}

export class CopyAhead {
  private readonly outDir: string;
  private readonly present: Set<string>;
  private readonly asked = new Set<string>();
  private readonly context: CopyContext;
  private readonly queue: string[];
  private readonly pages = new Map<string, AheadPage>();

  /** `present`: the copy's files now; `paths`: pages to copy ahead (more may be `add`ed). */
  constructor(outDir: string, base: string, present: Set<string>, paths: Iterable<string>) {
    this.outDir = outDir;
    this.present = present;
    const files: CopyFiles = { has: (path) => (this.asked.add(path), present.has(path)) };
    this.context = { base, files };
    this.queue = [...paths].reverse();
  }

  add(path: string): void {
    this.queue.push(path);
  }

  /**
   * Copies up to `count` pages whose file holds what was handed over (`sha256Of(path)`, the
   * early page's hash); returns how many are left.
   */
  step(count: number, sha256Of: (path: string) => string | undefined): number {
    for (let n = 0; n < count && this.queue.length > 0; n++) {
      const path = this.queue.pop()!;
      const full = join(this.outDir, path);
      const { size, mtimeMs } = statSync(full);
      const file = copiedFile(path, readFileSync(full), this.context);
      if (file.read.size !== size || file.read.sha256 !== sha256Of(path)) continue;
      this.pages.set(path, { file, size, mtimeMs });
    }
    return this.queue.length;
  }

  /** The pages copied ahead that stand against the complete site's `files` (path → copied file). */
  take(files: CopyFiles): Map<string, Omit<CopiedFile, 'at'>> {
    for (const path of this.asked) if (chosenFile(path, this.present) !== chosenFile(path, files)) return new Map();
    const out = new Map<string, Omit<CopiedFile, 'at'>>();
    for (const [path, page] of this.pages) {
      const now = statSync(join(this.outDir, path), { throwIfNoEntry: false });
      if (now?.size === page.size && now.mtimeMs === page.mtimeMs) out.set(path, page.file);
    }
    return out;
  }
}
