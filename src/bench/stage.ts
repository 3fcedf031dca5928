/**
 * One benchmark stage in its own process, so each is timed and its memory measured alone:
 *   node src/bench/stage.ts site              astro build of the Parley site (PARLEY_* env)
 *   node src/bench/stage.ts index <outDir>    Pagefind over a built site
 *   node src/bench/stage.ts offline <outDir>  the offline files (service worker, downloadable copy)
 *   node src/bench/stage.ts reference <root>  astro build of the bare reference project
 * Prints `bench-max-rss: <bytes>` last, for machines without /proc.
 */
import { build } from 'astro';
import { buildSite } from '../build/site.ts';
import { indexSite } from '../build/pagefind.ts';
import { writeOfflineFiles } from '../offline/emit.ts';

const [stage, arg] = process.argv.slice(2);
process.env.ASTRO_TELEMETRY_DISABLED = '1';
if (stage === 'site') await buildSite();
else if (stage === 'index') console.log(`pages indexed: ${(await indexSite(arg!)).pages}`);
else if (stage === 'offline') console.log(`offline copy: ${writeOfflineFiles(arg!).zipBytes} bytes`);
else if (stage === 'reference') await build({ root: arg!, logLevel: 'warn' });
else {
  console.error(`stage: unknown stage ${stage ?? '(none)'}`);
  process.exit(2);
}
console.log(`bench-max-rss: ${process.resourceUsage().maxRSS * 1024}`);
