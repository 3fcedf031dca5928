/**
 * What follows `astro build`: Pagefind's index and the offline files. Pagefind reads the pages
 * and writes its index in its own process while a worker thread writes the downloadable copy
 * (which leaves pagefind/ out); the precache manifest and service worker come last, over both.
 */
import { writeOfflineClient, writeOfflineCopyOnWorker, writePrecacheFiles } from '../offline/emit.ts';
import { indexSite } from './pagefind.ts';

export interface FinishSummary {
  /** pages Pagefind read */
  pages: number;
  /** bytes of parley-offline.zip */
  zipBytes: number;
}

export async function indexAndWriteOffline(outDir: string): Promise<FinishSummary> {
  writeOfflineClient(outDir);
  const { pages, alongside: copy } = await indexSite(outDir, () => writeOfflineCopyOnWorker(outDir));
  writePrecacheFiles(outDir, copy!.zipBytes, {}, copy!.read);
  return { pages, zipBytes: copy!.zipBytes };
}
