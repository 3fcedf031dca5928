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
 * Indexes `outDir`. `alongside`, when given, runs while Pagefind reads and parses the pages in
 * its own process (synchronous work there costs no wall time on a second core); its result is
 * returned with the page count.
 */
export async function indexSite<T>(outDir: string, alongside?: () => T): Promise<{ pages: number; alongside?: T }> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    check('createIndex', created.errors);
    const index = created.index!;
    // Only meeting pages carry data-pagefind-body; the list pages (a fifth of the site's bytes at
    // 10,000 meetings) would be read and parsed only to be left out.
    const adding = index.addDirectory({ path: outDir, glob: indexedPages });
    // The request is already written to Pagefind's stdin; `alongside` is synchronous, so no
    // answer can arrive unheard while it runs.
    let result: T | undefined;
    try {
      result = alongside?.();
    } catch (error) {
      await adding.catch(() => {}); // let Pagefind answer before it is closed
      throw error;
    }
    const added = await adding;
    check('addDirectory', added.errors);
    if (added.page_count === 0) throw new Error(`pagefind found no pages to index in ${outDir}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    check('writeFiles', written.errors);
    return { pages: added.page_count, alongside: result };
  } finally {
    await pagefind.close();
  }
}
