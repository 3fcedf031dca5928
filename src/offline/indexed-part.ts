/**
 * The part of a built page a search indexer reads, when that can be told without parsing: the one
 * element marked `data-pagefind-body`, in a document that keeps the page's <html> tag (its
 * language) and <title>. Pagefind, and the copy's reading of pages (page-text.ts), then parse a
 * little over half of each meeting page instead of all of it, for the same index (Pagefind's
 * files at 10,000 meetings are byte-identical). Null whenever the rest of the page could matter:
 * a `data-pagefind-` attribute or an <h1> outside the element (Pagefind reads meta fields and
 * filters anywhere, and takes the first <h1> as a title), no marked element, more than one
 * <main>, or an element that is not a <main>. Pure.
 */

const bodyMain = /<main\b[^>]*\sdata-pagefind-body[\s=>/]/i;
const title = /<title\b[^>]*>[\s\S]*?<\/title>/i;
const htmlTag = /<html\b[^>]*>/i;

/** Whether `text` holds something Pagefind reads outside the indexed element. */
function mattersOutside(text: string): boolean {
  return /data-pagefind-|<h1[\s>]|<main[\s>]/i.test(text);
}

export function indexedPart(html: string): string | null {
  const found = bodyMain.exec(html);
  if (found === null) return null;
  const start = found.index;
  const close = html.indexOf('</main>', start);
  if (close === -1) return null;
  const end = close + '</main>'.length;
  const inside = html.slice(start, end);
  // A second <main> inside would end the slice early.
  if (inside.indexOf('<main', 1) !== -1) return null;
  const before = html.slice(0, start);
  const after = html.slice(end);
  if (mattersOutside(before) || mattersOutside(after)) return null;
  const tag = htmlTag.exec(before)?.[0] ?? '<html>';
  const titled = title.exec(before)?.[0] ?? '';
  return `<!doctype html>${tag}<head>${titled}</head><body>${inside}</body></html>`;
}
