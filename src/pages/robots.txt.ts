// robots.txt: everything may be crawled; the sitemap index says where the pages are.
import type { APIRoute } from 'astro';
import { absolute } from '../site/archive.ts';
import { routes } from '../site/paths.ts';
import { robotsTxt } from '../site/sitemap.ts';

export const GET: APIRoute = () => new Response(robotsTxt(absolute(routes.sitemapIndex())), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
