/**
 * The Astro integration that keeps old meeting URLs working: it adds the route for redirect and
 * withdrawal pages, and after the build writes `_redirects` and fails, naming the slug, when a URL
 * in the ledger has no page.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { ledgerFileForBuild, readLedger } from './file.ts';
import { missingPages, redirectRules } from './pages.ts';

export function permalinks(): AstroIntegration {
  let base = '/';
  return {
    name: 'parley-permalinks',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        // Same shape as src/pages/meetings/[slug].astro; its paths are only slugs that have no meeting.
        injectRoute({ pattern: '/meetings/[legacy]', entrypoint: new URL('./LegacyMeetingPage.astro', import.meta.url), prerender: true });
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const file = ledgerFileForBuild();
        const ledger = readLedger(file);
        const out = fileURLToPath(dir);
        const problems = missingPages(ledger, (slug) => existsSync(join(out, 'meetings', slug, 'index.html')), file ?? 'the ledger');
        if (problems.length > 0) {
          throw new Error(`permalinks: ${problems.length} recorded meeting URL${problems.length === 1 ? '' : 's'} would break:\n${problems.join('\n')}\nRun npm run convert and commit content/permalinks.json with content/meetings/.`);
        }
        writeFileSync(join(out, '_redirects'), redirectRules(ledger, base));
        const moved = Object.values(ledger.slugs).filter((p) => p.status !== 'live').length;
        if (moved > 0) logger.info(`${moved} old meeting URL${moved === 1 ? '' : 's'} kept as redirect or withdrawal pages`);
      },
    },
  };
}
