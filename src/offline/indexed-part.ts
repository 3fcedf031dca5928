/**
 * The part of a built page a search indexer reads, when that can be told without parsing: the one
 * element marked `data-pagefind-body`, in a document that keeps the page's <html> tag (its
 * language) and <title>. Pagefind, and the copy's reading of pages (page-text.ts), then parse a
 * little over half of each meeting page instead of all of it, for the same index (Pagefind's
 * files at 10,000 meetings are byte-identical). Null whenever the rest of the page could matter:
 * a `data-pagefind-` attribute or an <h1> outside the element (Pagefind reads meta fields and
 * filters anywhere, and takes the first <h1> as a title), no marked element, more than one
 * <main>, or an element that is not a <main>. Inside it, elements marked `data-pagefind-ignore`
 * are left out when nothing in them is read (`withoutIgnored`): on a meeting page they are most
 * of the <main> (evidence, notes, the citation), and Pagefind's files stay byte-identical. Pure.
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
  return `<!doctype html>${tag}<head>${titled}</head><body>${withoutIgnored(inside)}</body></html>`;
}

const ignoreMarker = 'data-pagefind-ignore';
/** The start tag at a marker: its name and attributes. */
const startTag = /<([a-z][a-z0-9-]*)\b([^<>]*)>/iy;
/** Marked to be left out with its words only ("all" leaves out its meta fields and filters too: kept for the indexer to see). */
const ignoredForWords = /\sdata-pagefind-ignore(?:=""|="index"|='index')?(?=[\s/>]|$)/;
const sameNameTags = new Map<string, RegExp>();
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * `html` without its elements marked `data-pagefind-ignore` (no value, or "index") in which an
 * indexer reads nothing: none holds, or has on its own tag, another `data-pagefind-` attribute (a
 * meta field, filter or weight is read even inside), and none is or holds an <h1> (Pagefind may
 * take it as the page's title). An indexer leaves such an element's words out, and the words
 * around it meet as they did, so the index is the same. A marker it cannot place (in text, in a
 * tag it cannot read, an element never closed) is left as it is. Assumes the element's name is
 * not nested inside itself through malformed markup (the site's pages are Astro's output). Pure.
 */
export function withoutIgnored(html: string): string {
  let out = '';
  let kept = 0;
  for (let at = html.indexOf(ignoreMarker); at !== -1; at = html.indexOf(ignoreMarker, at + ignoreMarker.length)) {
    if (at < kept) continue;
    const start = html.lastIndexOf('<', at);
    startTag.lastIndex = start;
    const tag = start < kept ? null : startTag.exec(html);
    if (tag === null || start + tag[0].length <= at) continue;
    const attributes = tag[2]!;
    const name = tag[1]!.toLowerCase();
    if (!ignoredForWords.test(attributes) || attributes.replace(ignoredForWords, '').includes('data-pagefind-') || name === 'h1') continue;
    const end = tag[0].endsWith('/>') || voidElements.has(name) ? start + tag[0].length : closingEnd(html, name, start + tag[0].length);
    if (end === -1) continue;
    const inner = html.slice(start + tag[0].length, end);
    if (inner.includes('data-pagefind-') || /<h1[\s>]/i.test(inner)) continue;
    out += html.slice(kept, start);
    kept = end;
  }
  return kept === 0 ? html : out + html.slice(kept);
}

/** Where the element named `name` whose content starts at `from` ends (after its end tag), counting same-named elements inside; -1 if it never does. */
function closingEnd(html: string, name: string, from: number): number {
  let tags = sameNameTags.get(name);
  if (!tags) sameNameTags.set(name, (tags = new RegExp(`<(/?)${name}(?=[\\s/>])[^<>]*>`, 'gi')));
  tags.lastIndex = from;
  let depth = 1;
  for (let found = tags.exec(html); found !== null; found = tags.exec(html)) {
    if (found[1]) {
      if (--depth === 0) return found.index + found[0].length;
    } else if (!found[0].endsWith('/>')) depth++;
  }
  return -1;
}
