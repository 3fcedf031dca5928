/**
 * One benchmark stage in its own process, so each is timed and its memory measured alone:
 *   node src/bench/stage.ts site              astro build of the Parley site (PARLEY_* env)
 *   node src/bench/stage.ts finish <outDir>   Pagefind and the offline files over a built site, as npm run build does
 *   node src/bench/stage.ts reference <root>  astro build of the bare reference project
 * Prints `bench-max-rss: <bytes>` last, for machines without /proc.
 */
import { build } from 'astro';
import { buildSite } from '../build/site.ts';
import { indexAndWriteOffline } from '../build/finish.ts';

const [stage, arg] = process.argv.slice(2);
process.env.ASTRO_TELEMETRY_DISABLED = '1';
if (stage === 'site') await buildSite();
else if (stage === 'finish') {
  const { pages, zipBytes } = await indexAndWriteOffline(arg!);
  console.log(`pages indexed: ${pages}\noffline copy: ${zipBytes} bytes`);
}
else if (stage === 'reference') await build({ root: arg!, logLevel: 'warn' });
else {
  console.error(`stage: unknown stage ${stage ?? '(none)'}`);
  process.exit(2);
}
console.log(`bench-max-rss: ${process.resourceUsage().maxRSS * 1024}`);
