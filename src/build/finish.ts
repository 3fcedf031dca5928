/**
 * The site half of `npm run build`: astro build, Pagefind's index and the offline files. While
 * Astro renders, a worker thread copies each page it renders into the downloadable copy
 * (rendered-pages.ts); once Astro is done, Pagefind reads the pages and writes its index in its
 * own process while the worker finishes the copy (which leaves pagefind/ out); the precache
 * manifest and service worker come last, over both.
 */
import { startOfflineCopyOnWorker, writeOfflineClient, writePrecacheFiles } from '../offline/emit.ts';
import { indexSite } from './pagefind.ts';
import { listenToRenderedPages } from './rendered-pages.ts';
import { buildSite } from './site.ts';

export interface FinishSummary {
  /** pages Pagefind read */
  pages: number;
  /** bytes of parley-offline.zip */
  zipBytes: number;
  /** pages the copy took as Astro rendered them */
  copiedEarly: number;
}

export interface SiteBuildSummary extends FinishSummary {
  /** wall time of astro build, and of what follows it (Pagefind, the rest of the copy, the precache files) */
  astroMs: number;
  finishMs: number;
}

/** astro build into `outDir` (the Astro config's outDir), then Pagefind and the offline files. */
export async function buildSiteAndFinish(outDir: string): Promise<SiteBuildSummary> {
  const started = performance.now();
  const copy = startOfflineCopyOnWorker();
  listenToRenderedPages((file, bytes) => copy.addRenderedPage(file, bytes));
  try {
    await buildSite();
  } catch (error) {
    await copy.stop();
    throw error;
  } finally {
    listenToRenderedPages(null);
  }
  const built = performance.now();
  const summary = await finishBuiltSite(outDir, () => copy.finish(outDir));
  return { ...summary, astroMs: built - started, finishMs: performance.now() - built };
}

/** Pagefind and the offline files over a site already built (every page of the copy read from disk). */
export async function indexAndWriteOffline(outDir: string): Promise<FinishSummary> {
  const copy = startOfflineCopyOnWorker();
  return finishBuiltSite(outDir, () => copy.finish(outDir));
}

async function finishBuiltSite(outDir: string, finishCopy: () => ReturnType<ReturnType<typeof startOfflineCopyOnWorker>['finish']>): Promise<FinishSummary> {
  writeOfflineClient(outDir);
  const { pages, alongside: copy } = await indexSite(outDir, finishCopy);
  writePrecacheFiles(outDir, copy!.zipBytes, {}, copy!.read);
  return { pages, zipBytes: copy!.zipBytes, copiedEarly: copy!.copiedEarly };
}
