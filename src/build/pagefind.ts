/**
 * Indexes the built site with Pagefind's Node API. Every response's errors fail the build,
 * and the index is closed whatever happens.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** The pages that carry data-pagefind-body: meeting pages (src/pages/meetings/[slug].astro). */
export const indexedPages = 'meetings/**/*.html';

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`pagefind ${step} failed:\n${errors.join('\n')}`, { cause: errors });
}

/**
 * Indexes `outDir`. `alongside`, when given, starts once Pagefind has been asked to read the
 * pages and runs while Pagefind works in its own process; it must leave this thread free (work
 * on a worker thread), so that Pagefind's answers come in and its next request goes out. Its
 * result is returned with the page count.
 */
export async function indexSite<T>(outDir: string, alongside?: () => Promise<T>): Promise<{ pages: number; alongside?: T }> {
  let besides: Promise<T> | undefined;
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    check('createIndex', created.errors);
    const index = created.index!;
    // Only meeting pages carry data-pagefind-body; the list pages (a fifth of the site's bytes at
    // 10,000 meetings) would be read and parsed only to be left out.
    const adding = index.addDirectory({ path: outDir, glob: indexedPages });
    besides = alongside?.();
    besides?.catch(() => {}); // awaited below: not an unhandled rejection while Pagefind works
    const added = await adding;
    check('addDirectory', added.errors);
    if (added.page_count === 0) throw new Error(`pagefind found no pages to index in ${outDir}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    check('writeFiles', written.errors);
    return { pages: added.page_count, alongside: await besides };
  } catch (error) {
    await besides?.catch(() => {}); // let it end before Pagefind is closed and this is reported
    throw error;
  } finally {
    await pagefind.close();
  }
}
