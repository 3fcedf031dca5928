/** "Cite this meeting": a plain citation carrying the stable URL, and a BibTeX entry. Pure. */
import type { Meeting } from '../schema/meeting.ts';
import { formatDate, placeLabel } from './format.ts';

export function plainCitation(m: Meeting, url: string): string {
  const when = m.date ? formatDate(m.date) : 'undated';
  return `“${m.title}” (${when}, ${placeLabel(m)}). Parley archive of diplomatic meetings. ${url}`;
}

/** BibTeX needs its specials escaped; braces and backslashes would break the entry. */
function bib(text: string): string {
  return text.replace(/[\\{}]/g, (c) => (c === '\\' ? '\\textbackslash{}' : `\\${c}`)).replace(/([&%$#_])/g, '\\$1').replace(/[~^]/g, (c) => `\\${c}{}`);
}

export function bibtex(m: Meeting, url: string): string {
  const key = `parley-${m.slug}`;
  const fields: [string, string][] = [
    ['title', `{${bib(m.title)}}`],
    ['howpublished', `{Parley archive of diplomatic meetings}`],
  ];
  if (m.date) {
    fields.push(['year', m.date.slice(0, 4)], ['month', String(Number(m.date.slice(5, 7)))], ['day', String(Number(m.date.slice(8, 10)))]);
  }
  fields.push(['address', `{${bib(placeLabel(m))}}`], ['url', `{${url}}`], ['note', `{Meeting record built from ${m.sources.length} news ${m.sources.length === 1 ? 'report' : 'reports'}}`]);
  return `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}`;
}
