/** What a build produced: pages, bytes, the search index, and the largest HTML page. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface SiteStats {
  pages: number;
  bytes: number;
  indexBytes: number;
  largestPage: { path: string; bytes: number } | null;
  /** HTML pages over the limit (200 KB). */
  overLimit: number;
}

export const pageLimitBytes = 200 * 1024;

export function siteStats(dir: string): SiteStats {
  const stats: SiteStats = { pages: 0, bytes: 0, indexBytes: 0, largestPage: null, overLimit: 0 };
  const walk = (d: string, inIndex: boolean) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        walk(path, inIndex || (d === dir && entry.name === 'pagefind'));
        continue;
      }
      const size = statSync(path).size;
      stats.bytes += size;
      if (inIndex) stats.indexBytes += size;
      if (entry.name.endsWith('.html')) {
        stats.pages++;
        if (size > pageLimitBytes) stats.overLimit++;
        if (!stats.largestPage || size > stats.largestPage.bytes) stats.largestPage = { path: relative(dir, path), bytes: size };
      }
    }
  };
  walk(dir, false);
  return stats;
}
