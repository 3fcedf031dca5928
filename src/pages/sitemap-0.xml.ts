// Every page of the site, with absolute URLs (SITE_URL and BASE_PATH).
import type { APIRoute } from 'astro';
import { absolute, knowledge, records } from '../site/archive.ts';
import { sitePages, urlSet } from '../site/sitemap.ts';

export const GET: APIRoute = async () =>
  new Response(urlSet(sitePages(await records(), knowledge()).map((p) => ({ url: absolute(p.path), lastmod: p.lastmod }))), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
