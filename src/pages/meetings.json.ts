// Every meeting record, as the converter wrote it, plus its stable `url`: the data export.
import type { APIRoute } from 'astro';
import { absolute, records } from '../site/archive.ts';
import { routes } from '../site/paths.ts';

export const GET: APIRoute = async () => {
  const lines = (await records()).map((m) => JSON.stringify({ ...m, url: absolute(routes.meeting(m.slug)) }));
  // One record a line: compact for thousands of meetings, and a diff still shows which changed.
  return new Response(`[\n${lines.join(',\n')}\n]\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
