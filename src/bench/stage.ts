/**
 * One benchmark stage in its own process, so each is timed and its memory measured alone:
 *   node src/bench/stage.ts site <outDir>     the site half of npm run build (PARLEY_* env): astro build
 *                                             with the offline copy made alongside, then Pagefind and the rest
 *   node src/bench/stage.ts build <outDir> <convert args…>
 *                                             the whole of npm run build: convert with those arguments,
 *                                             the site started as it writes its files (whole-build.ts)
 *   node src/bench/stage.ts reference <root>  astro build of the bare reference project
 * Prints `bench-max-rss: <bytes>` last, for machines without /proc.
 */
import { enableCompileCache } from 'node:module';
import process from 'node:process';
import type { SiteBuildSummary } from '../build/finish.ts';

const [stage, arg, ...rest] = process.argv.slice(2);
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const printSite = ({ pages, zipBytes, copiedEarly, astroMs, finishMs }: SiteBuildSummary) =>
  console.log(`pages indexed: ${pages}\noffline copy: ${zipBytes} bytes\ncopied early: ${copiedEarly}\nastro build: ${astroMs} ms\nafter astro build: ${finishMs} ms`);
if (stage === 'site') {
  const { buildSiteAndFinish } = await import('../build/finish.ts');
  printSite(await buildSiteAndFinish(arg!));
} else if (stage === 'build') {
  const { buildWhole } = await import('../build/whole-build.ts');
  const { site, times } = await buildWhole(rest, arg!);
  printSite(site);
  console.log(`convert ended: ${times.convertMs} ms\nsite started: ${times.siteStartMs} ms`);
}
// Each stage loads only its own modules: Astro's for the reference, not for the site (whose
// Astro runs in a child process, as in `npm run build`): they cost the site stage about 0.5 s
// that the real build does not spend. The reference runs as `astro build` runs it, with Node's
// compile cache (its CLI enables it but in CI), as the site's own Astro process does.
else if (stage === 'reference') {
  if (!process.env.CI) enableCompileCache();
  await (await import('astro')).build({ root: arg!, logLevel: 'warn' });
}
else {
  console.error(`stage: unknown stage ${stage ?? '(none)'}`);
  process.exit(2);
}
console.log(`bench-max-rss: ${process.resourceUsage().maxRSS * 1024}`);
