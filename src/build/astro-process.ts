/**
 * `astro build` in a process of its own, started by src/build/finish.ts, which it tells of each
 * page once Astro has written it (over the IPC channel; page-writes.ts, src/middleware.ts), so
 * the parent reads it from disk while Astro renders the rest. Its own process because Astro
 * keeps well over a gigabyte it no longer needs once the site is written (much of it outside
 * the JavaScript heap): ended, it hands that back before Pagefind writes its index, the build's
 * other large step. Messages out: `{ file, meeting }` per page, then `{ done }` with their
 * number; in: `{ received }`, how many pages the parent has taken, so Astro waits rather than
 * run far ahead of the parent (which would then have the pages to read all at the end).
 * `PARLEY_OUT_DIR` is the folder Astro builds into (astro.config.mjs): the parent sets it. With
 * `PARLEY_MEETINGS_WAIT=1` the parent starts this process before the meeting files are all
 * written: the site's meetings reader waits for `{ meetingsReady: true }` (meetings-ready.ts), and
 * the process ends if the parent goes first.
 */
import { enableCompileCache } from 'node:module';
import { InFlight } from './in-flight.ts';
import { holdMeetingsUntil } from './meetings-ready.ts';
import { watchPageWrites } from './page-writes.ts';
import type { WrittenPage } from './rendered-pages.ts';

/** Pages told of and not yet taken, past which the build waits. */
const pages = new InFlight(200);
let sent = 0;
let received = 0;
let meetingsReady = () => {};
if (process.env.PARLEY_MEETINGS_WAIT === '1') {
  // A parent that ends (the converter failed, the build was stopped) leaves nothing to wait for.
  const orphaned = () => process.exit(1);
  process.once('disconnect', orphaned);
  holdMeetingsUntil(new Promise((resolve) => (meetingsReady = () => {
    process.off('disconnect', orphaned);
    resolve();
  })));
}
process.on('message', (message: { received: number } | { meetingsReady: true }) => {
  if ('meetingsReady' in message) return meetingsReady();
  pages.finished(message.received - received);
  received = message.received;
});

// As Astro's own CLI does (but in CI, where the cache would not be used again): Astro's modules
// and the build's bundle compiled once and kept by Node between builds, about 0.25 s of a small
// site's `npm run build`. Before Astro is imported, so its modules are covered; after the
// listener above, which must not miss the parent's first message.
if (!process.env.CI) enableCompileCache();
const { buildSite } = await import('./site.ts');

const writes = watchPageWrites(process.env.PARLEY_OUT_DIR || 'dist', (page) => {
  process.send!(page satisfies WrittenPage);
  sent++;
  pages.started();
  return pages.wait();
});
await buildSite();
const late = await writes.finish();
// The same site either way, but the copy and Pagefind had those pages only now: say so, for an
// Astro that no longer writes pages as page-writes.ts expects.
if (late > 0) console.warn(`build: ${late} pages were not seen as Astro wrote them, and were handed on after astro build (slower: see src/build/page-writes.ts)`);
// The count last, so the parent knows it has every page; the process ends once it is sent.
process.send!({ done: sent }, () => process.disconnect());
