// Each page Astro renders at build time, handed to the build's listener when there is one
// (src/build/rendered-pages.ts): the offline copy is made while the rest of the site renders.
import { defineMiddleware } from 'astro:middleware';
import { builtFileOf, renderedPageListener } from './build/rendered-pages.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const listener = renderedPageListener();
  if (!listener || !context.isPrerendered || response.status !== 200 || !response.body) return response;
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const file = builtFileOf(context.url.pathname, import.meta.env.BASE_URL);
  if (file === null) return response;
  // Astro writes the bytes of the response it gets: the same bytes go to the listener.
  const bytes = new Uint8Array(await response.arrayBuffer());
  await listener(file, bytes);
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
});
