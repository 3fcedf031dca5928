/**
 * `astro build` in a process of its own, started by src/build/finish.ts, which it sends each page
 * as Astro renders it (over the IPC channel; rendered-pages.ts, src/middleware.ts). Its own
 * process because Astro keeps well over a gigabyte it no longer needs once the site is written
 * (much of it outside the JavaScript heap): ended, it hands that back before Pagefind writes
 * its index, the build's other large step. Messages out: `{ file, bytes, meetingOrder }` per
 * page, then `{ done }` with their number; in: `{ received }`, how many pages the parent has taken, so this process waits rather
 * than queue the site in memory when the parent falls behind.
 */
import { InFlight } from './in-flight.ts';
import { listenToRenderedPages, type RenderedPage } from './rendered-pages.ts';
import { buildSite } from './site.ts';

/** Pages sent and not yet taken, past which the build waits (a few MB of HTML). */
const pages = new InFlight(200);
let sent = 0;
let received = 0;
process.on('message', (message: { received: number }) => {
  pages.finished(message.received - received);
  received = message.received;
});

listenToRenderedPages((file, bytes, meetingOrder) => {
  process.send!({ file, bytes, meetingOrder } satisfies RenderedPage);
  sent++;
  pages.started();
  return pages.wait();
});
await buildSite();
// The count last, so the parent knows it has every page; the process ends once it is sent.
process.send!({ done: sent }, () => process.disconnect());
