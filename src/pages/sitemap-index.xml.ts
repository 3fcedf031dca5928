// The sitemap index (the name search engines and Starlight's sitemap use), pointing at the one URL set.
import type { APIRoute } from 'astro';
import { absolute } from '../site/archive.ts';
import { routes } from '../site/paths.ts';
import { sitemapIndex } from '../site/sitemap.ts';

export const GET: APIRoute = () =>
  new Response(sitemapIndex([absolute(routes.sitemap())]), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
