// Every meeting record, as the converter wrote it, plus its stable `url`: the data export.
import type { APIRoute } from 'astro';
import { absolute, records } from '../site/archive.ts';
import { routes } from '../site/paths.ts';

export const GET: APIRoute = async () => {
  const body = (await records()).map((m) => ({ ...m, url: absolute(routes.meeting(m.slug)) }));
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
