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

export async function indexSite(outDir: string): Promise<{ pages: number }> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    check('createIndex', created.errors);
    const index = created.index!;
    // Only meeting pages carry data-pagefind-body; the list pages (a fifth of the site's bytes at
    // 10,000 meetings) would be read and parsed only to be left out.
    const added = await index.addDirectory({ path: outDir, glob: indexedPages });
    check('addDirectory', added.errors);
    if (added.page_count === 0) throw new Error(`pagefind found no pages to index in ${outDir}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    check('writeFiles', written.errors);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
