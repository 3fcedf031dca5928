/**
 * The site half of `npm run build`: astro build, Pagefind's index and the offline files. While
 * Astro renders, each page it renders goes to a worker thread that copies it into the
 * downloadable copy, and each meeting page to Pagefind, in its own process (rendered-pages.ts):
 * both work on the core Astro leaves free. Once Astro is done, Pagefind writes its index while
 * the worker finishes the copy (which leaves pagefind/ out); the precache manifest and service
 * worker come last, over both.
 */
import { startOfflineCopyOnWorker, writeOfflineClient, writePrecacheFiles } from '../offline/emit.ts';
import { startPagefindFeed, type PagefindFeed } from './pagefind.ts';
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
  let search: PagefindFeed | null = null;
  try {
    search = await startPagefindFeed();
    const feed = search;
    listenToRenderedPages(async (file, bytes, meetingOrder) => {
      const waits = [copy.addRenderedPage(file, bytes), meetingOrder === null ? undefined : feed.add(meetingOrder, file, bytes)];
      await Promise.all(waits);
    });
    try {
      await buildSite();
    } finally {
      listenToRenderedPages(null);
    }
    const built = performance.now();
    writeOfflineClient(outDir);
    const { pages, alongside } = await feed.write(outDir, () => copy.finish(outDir));
    writePrecacheFiles(outDir, alongside!.zipBytes, {}, alongside!.read);
    return { pages, zipBytes: alongside!.zipBytes, copiedEarly: alongside!.copiedEarly, astroMs: built - started, finishMs: performance.now() - built };
  } catch (error) {
    await copy.stop();
    throw error;
  } finally {
    await search?.close();
  }
}
