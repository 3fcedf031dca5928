// Each page Astro renders at build time, handed to the build's listener when there is one
// (src/build/rendered-pages.ts): the offline copy and Pagefind take pages while the rest render.
import { defineMiddleware } from 'astro:middleware';
import { meetings } from './site/archive.ts';
import { builtFileOf, renderedPageListener } from './build/rendered-pages.ts';

let meetingOrder: Map<string, number> | null = null;
/** A meeting page's place in the order its route lists them (src/pages/meetings/[slug].astro). */
async function meetingPageOrder(file: string): Promise<number | null> {
  const slug = /^meetings\/([^/]+)\/index\.html$/.exec(file)?.[1];
  if (slug === undefined) return null;
  meetingOrder ??= new Map((await meetings()).map((entry, i) => [entry.data.slug, i]));
  return meetingOrder.get(slug) ?? null;
}

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const listener = renderedPageListener();
  if (!listener || !context.isPrerendered || response.status !== 200 || !response.body) return response;
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const file = builtFileOf(context.url.pathname, import.meta.env.BASE_URL);
  if (file === null) return response;
  // Astro writes the bytes of the response it gets: the same bytes go to the listener.
  const bytes = new Uint8Array(await response.arrayBuffer());
  await listener(file, bytes, await meetingPageOrder(file));
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
});
