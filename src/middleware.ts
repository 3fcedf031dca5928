// Each page Astro renders at build time, told to the build's listener when there is one
// (src/build/rendered-pages.ts): the offline copy and Pagefind take pages while the rest render.
import { defineMiddleware } from 'astro:middleware';
import { meetings } from './site/archive.ts';
import { builtFileOf, renderedPageListener, type MeetingPageOrder } from './build/rendered-pages.ts';

let meetingOrder: Map<string, MeetingPageOrder> | null = null;
/** A meeting page's place in the order its route lists them (src/pages/meetings/[slug].astro), of how many. */
async function meetingPageOrder(file: string): Promise<MeetingPageOrder | null> {
  const slug = /^meetings\/([^/]+)\/index\.html$/.exec(file)?.[1];
  if (slug === undefined) return null;
  if (!meetingOrder) {
    const all = await meetings();
    meetingOrder = new Map(all.map((entry, order) => [entry.data.slug, { order, of: all.length }]));
  }
  return meetingOrder.get(slug) ?? null;
}

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const listener = renderedPageListener();
  if (!listener || !context.isPrerendered || response.status !== 200 || !response.body) return response;
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const file = builtFileOf(context.url.pathname, import.meta.env.BASE_URL);
  if (file === null) return response;
  // The response goes on untouched: the listener reads the page once Astro has written it. (Read
  // here and handed on in a new response, each page was copied twice more on Astro's thread and
  // sent to the parent process whole: 2–3 s of the build's CPU at 10,000 meetings.)
  listener(file, await meetingPageOrder(file));
  return response;
});
