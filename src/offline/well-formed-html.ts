/**
 * A page's hast tree read without the HTML tree-construction algorithm, for pages written so that
 * the algorithm would change nothing: every element ends with its own end tag (or is void), and
 * none of what makes the parser move, drop or add nodes occurs (implied ends, a block opening
 * inside a paragraph, tables, forms in forms, raw-text, template and foreign content, stray text
 * in the head). Any other page gives null, and the caller reads it with the full parser
 * (rehype-parse); so the tree, where there is one, is the one the full parser builds. Built
 * pages are written this way, and reading them is several times faster this way.
 *
 * The tree keeps what the offline index reads: elements, text, and the `id` and `data-pagefind-*`
 * attributes under hast's property names (`data-pagefind-body` is `dataPagefindBody`). Pure.
 */
import type { Element, ElementContent, Root } from 'hast';

const voidElements = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Start tags the parser treats in ways this reader does not follow: tables, forms of content
// other than HTML text (raw text, RCDATA but for the title, templates, SVG and MathML), selects,
// ruby, the adoption of misplaced html/head/body tags, and elements renamed or ignored.
const needsParser = new Set([
  'html', 'head', 'body', 'frameset', 'frame', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'select', 'option', 'optgroup', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'template',
  'script', 'style', 'math', 'svg', 'image', 'nobr', 'rb', 'rp', 'rt', 'rtc', 'applet', 'marquee', 'object', 'keygen', 'menuitem',
]);
// Start tags that close an open paragraph (parse5's "address" group, headings, lists, pre, form, hr).
const closesParagraph = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section', 'summary', 'ul',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'listing', 'form', 'li', 'dd', 'dt', 'hr',
]);
const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// parse5's special elements other than address, div and p: an open list item above one of them
// is not closed by a new one.
const listItemBoundaries = new Set([
  'applet', 'area', 'article', 'aside', 'base', 'basefont', 'bgsound', 'blockquote', 'body', 'br', 'button', 'caption', 'center',
  'col', 'colgroup', 'dd', 'details', 'dir', 'dl', 'dt', 'embed', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame',
  'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'iframe', 'img', 'input', 'li', 'link',
  'listing', 'main', 'marquee', 'menu', 'meta', 'nav', 'noembed', 'noframes', 'noscript', 'object', 'ol', 'param', 'plaintext',
  'pre', 'script', 'section', 'select', 'source', 'style', 'summary', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot',
  'th', 'thead', 'title', 'tr', 'track', 'ul', 'wbr', 'xmp',
]);
const headElements = new Set(['base', 'basefont', 'bgsound', 'link', 'meta']);
const titleEnd = /<\/title/gi;

// Character references this reader decodes; any other (or one without its semicolon) needs the parser.
const knownReference = /&(?:(amp|lt|gt|quot|apos|nbsp);|#[xX]([0-9a-fA-F]{1,6});|#([0-9]{1,7});)/g;
const otherReference = /&(?!(?:amp|lt|gt|quot|apos|nbsp);|#[xX][0-9a-fA-F]{1,6};|#[0-9]{1,7};)[A-Za-z0-9#]/;
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

class NeedsParser extends Error {}

function decode(text: string): string {
  if (!text.includes('&')) return text;
  if (otherReference.test(text)) throw new NeedsParser();
  return text.replace(knownReference, (_whole, name: string | undefined, hex: string | undefined, decimal: string | undefined) => {
    if (name) return named[name]!;
    const code = hex ? Number.parseInt(hex, 16) : Number(decimal);
    // Zero, surrogates, out of range and the C1 controls the parser maps to other characters.
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || (code >= 0x80 && code <= 0x9f)) throw new NeedsParser();
    return String.fromCodePoint(code);
  });
}

/** Whether the tree keeps an attribute: id and Pagefind's data-pagefind-* (the offline index reads no other). */
export function keepsAttribute(attribute: string): boolean {
  return attribute === 'id' || attribute.startsWith('data-pagefind-');
}

const propertyNames = new Map<string, string | null>();

/** hast's property name for an attribute this reader keeps (property-information's rule for data-*), or null. */
function propertyName(attribute: string): string | null {
  let property = propertyNames.get(attribute);
  if (property === undefined) {
    if (!keepsAttribute(attribute)) property = null;
    else if (attribute === 'id' || !/^data[-\w.:]+$/i.test(attribute)) property = attribute;
    else {
      const rest = attribute.slice(5).replace(/-[a-z]/g, (dash) => dash.charAt(1).toUpperCase());
      property = `data${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
    }
    if (propertyNames.size < 1000) propertyNames.set(attribute, property);
  }
  return property;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c;
const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const onlySpace = /^[ \n\t\f]*$/;

interface Tag {
  name: string;
  properties: Record<string, string>;
  selfClosing: boolean;
}

type Mode = 'initial' | 'beforeHead' | 'inHead' | 'afterHead' | 'inBody' | 'afterBody';

function read(html: string): Root {
  const root: Root = { type: 'root', children: [] };
  const stack: Element[] = [];
  let mode = 'initial' as Mode;
  let pos = 0;
  let skipNewline = false;
  let formOpen = 0;

  const current = () => stack[stack.length - 1]!;
  const append = (node: ElementContent) => current().children.push(node);
  const element = (tag: Tag): Element => ({ type: 'element', tagName: tag.name, properties: tag.properties, children: [] });

  /** Reads a tag from the name at `at` to its ">"; the attributes kept become hast properties. */
  function readTag(at: number): Tag {
    let i = at;
    let upper = false;
    while (i < html.length) {
      const c = html.charCodeAt(i);
      if (isSpace(c) || c === 0x2f || c === 0x3e) break;
      if (c >= 0x41 && c <= 0x5a) upper = true;
      i++;
    }
    const name = upper ? lowerAscii(html.slice(at, i)) : html.slice(at, i);
    const properties: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      while (i < html.length && isSpace(html.charCodeAt(i))) i++;
      if (i >= html.length) throw new NeedsParser();
      let c = html.charCodeAt(i);
      if (c === 0x3e) { i++; break; }
      if (c === 0x2f) {
        i++;
        if (html.charCodeAt(i) === 0x3e) { selfClosing = true; i++; break; }
        continue;
      }
      // The attribute's name: an "=" is part of it only as its first character.
      const nameStart = i;
      i++;
      while (i < html.length) {
        c = html.charCodeAt(i);
        if (isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d) break;
        i++;
      }
      const nameEnd = i;
      while (i < html.length && isSpace(html.charCodeAt(i))) i++;
      let valueStart = i;
      let valueEnd = i;
      if (html.charCodeAt(i) === 0x3d) {
        i++;
        while (i < html.length && isSpace(html.charCodeAt(i))) i++;
        const quote = html.charCodeAt(i);
        if (quote === 0x22 || quote === 0x27) {
          const end = html.indexOf(quote === 0x22 ? '"' : "'", i + 1);
          if (end === -1) throw new NeedsParser();
          valueStart = i + 1;
          valueEnd = end;
          i = end + 1;
        } else if (quote !== 0x3e) {
          valueStart = i;
          while (i < html.length && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 0x3e) i++;
          valueEnd = i;
        }
      }
      // Only id and data-pagefind-* are kept: others are not even cut out of the page.
      const first = html.charCodeAt(nameStart) | 0x20;
      const length = nameEnd - nameStart;
      if ((first === 0x69 && length === 2) || (first === 0x64 && length > 14)) {
        const property = propertyName(lowerAscii(html.slice(nameStart, nameEnd)));
        // The first of two same-named attributes wins.
        if (property !== null && !(property in properties)) properties[property] = decode(html.slice(valueStart, valueEnd));
      }
    }
    pos = i;
    return { name, properties, selfClosing };
  }

  function text(raw: string): void {
    let value = decode(raw);
    if (skipNewline) {
      skipNewline = false;
      if (raw.startsWith('&')) throw new NeedsParser();
      if (value.startsWith('\n')) value = value.slice(1);
    }
    if (value === '') return;
    if (mode === 'inBody') append({ type: 'text', value });
    else if (!onlySpace.test(value)) throw new NeedsParser();
    else if (mode === 'inHead' || mode === 'afterHead') append({ type: 'text', value });
    else if (mode === 'afterBody') stack[1]!.children.push({ type: 'text', value });
  }

  /** The title's text (RCDATA: everything up to </title>), then its end tag. */
  function title(tag: Tag): void {
    const el = element(tag);
    append(el);
    titleEnd.lastIndex = pos;
    const end = titleEnd.exec(html)?.index ?? -1;
    if (end === -1 || html.charCodeAt(end + 7) !== 0x3e) throw new NeedsParser();
    const value = decode(html.slice(pos, end));
    if (value) el.children.push({ type: 'text', value });
    pos = end + 8;
  }

  function hasParagraphInButtonScope(): boolean {
    for (let i = stack.length - 1; i >= 0; i--) {
      const name = stack[i]!.tagName;
      if (name === 'p') return true;
      if (name === 'button' || name === 'html') return false;
    }
    return false;
  }

  /** Whether a new li (or dd, dt) would close one that is open. */
  function closesListItem(names: string[]): boolean {
    for (let i = stack.length - 1; i >= 0; i--) {
      const name = stack[i]!.tagName;
      if (names.includes(name)) return true;
      if (listItemBoundaries.has(name)) return false;
    }
    return false;
  }

  function startTagInBody(tag: Tag): void {
    const { name } = tag;
    if (needsParser.has(name)) throw new NeedsParser();
    if (closesParagraph.has(name) && hasParagraphInButtonScope()) throw new NeedsParser();
    if (headings.has(name) && headings.has(current().tagName)) throw new NeedsParser();
    if (name === 'li' && closesListItem(['li'])) throw new NeedsParser();
    if ((name === 'dd' || name === 'dt') && closesListItem(['dd', 'dt'])) throw new NeedsParser();
    if ((name === 'form' && formOpen > 0) || ((name === 'button' || name === 'a') && stack.some((e) => e.tagName === name))) throw new NeedsParser();
    if (name === 'title') return title(tag);
    const el = element(tag);
    append(el);
    if (voidElements.has(name)) return;
    stack.push(el);
    if (name === 'form') formOpen++;
    if (name === 'pre' || name === 'listing') skipNewline = true;
  }

  function startTag(tag: Tag): void {
    switch (mode) {
      case 'initial':
        if (tag.name !== 'html') throw new NeedsParser();
        stack.push(element(tag));
        root.children.push(stack[0]!);
        mode = 'beforeHead';
        return;
      case 'beforeHead':
        if (tag.name === 'head') { const head = element(tag); append(head); stack.push(head); mode = 'inHead'; return; }
        if (tag.name !== 'body') throw new NeedsParser();
        // <html><body>: the head is implied, and empty.
        append({ type: 'element', tagName: 'head', properties: {}, children: [] });
        return body(tag);
      case 'inHead':
        if (headElements.has(tag.name)) { append(element(tag)); return; }
        if (tag.name === 'title') return title(tag);
        throw new NeedsParser();
      case 'afterHead':
        if (tag.name !== 'body') throw new NeedsParser();
        return body(tag);
      case 'inBody':
        return startTagInBody(tag);
      default:
        throw new NeedsParser();
    }
  }

  function body(tag: Tag): void {
    const el = element(tag);
    append(el);
    stack.push(el);
    mode = 'inBody';
  }

  function endTag(name: string): void {
    if (mode === 'inHead' && name === 'head') { stack.pop(); mode = 'afterHead'; return; }
    if (mode === 'inBody' && (name === 'body' || name === 'html') && current().tagName === 'body') { mode = 'afterBody'; return; }
    if (mode === 'afterBody' && name === 'html') return;
    if (mode !== 'inBody' || name === 'body' || name === 'html' || name === 'br' || current().tagName !== name) throw new NeedsParser();
    stack.pop();
    if (name === 'form') formOpen--;
  }

  const n = html.length;
  while (pos < n) {
    const lt = html.indexOf('<', pos);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > pos) text(html.slice(pos, textEnd));
    if (lt === -1) break;
    const next = html.charCodeAt(lt + 1);
    if (isLetter(next)) {
      skipNewline = false;
      startTag(readTag(lt + 1));
    } else if (next === 0x2f) {
      const after = html.charCodeAt(lt + 2);
      // "</>" is dropped without a token (so a newline after <pre></> is still skipped).
      if (after === 0x3e) { pos = lt + 3; continue; }
      skipNewline = false;
      if (!isLetter(after)) throw new NeedsParser();
      endTag(readTag(lt + 2).name);
    } else if (next === 0x21) {
      skipNewline = false;
      pos = skipCommentOrDoctype(html, lt, mode === 'initial' && root.children.length === 0);
    } else if (next === 0x3f) {
      throw new NeedsParser();
    } else {
      // A "<" that starts no tag is text.
      text('<');
      pos = lt + 1;
    }
  }
  if (mode !== 'inBody' && mode !== 'afterBody') throw new NeedsParser();
  return root;
}

/** Past a comment, or the doctype where one may stand; anything else after "<!" needs the parser. */
function skipCommentOrDoctype(html: string, lt: number, doctypeAllowed: boolean): number {
  if (html.startsWith('<!--', lt)) {
    // "<!-->" and "<!--->" end at once, and "--!>" ends a comment too: left to the parser.
    if (html.startsWith('>', lt + 4) || html.startsWith('->', lt + 4)) throw new NeedsParser();
    const end = html.indexOf('-->', lt + 4);
    if (end === -1 || html.slice(lt + 4, end).includes('--!>')) throw new NeedsParser();
    return end + 3;
  }
  if (doctypeAllowed && /^<!doctype[ \n\t\f]/i.test(html.slice(lt, lt + 10))) {
    const end = html.indexOf('>', lt);
    if (end === -1 || /["']/.test(html.slice(lt, end))) throw new NeedsParser();
    return end + 1;
  }
  throw new NeedsParser();
}

function lowerAscii(name: string): string {
  return /[A-Z]/.test(name) ? name.replace(/[A-Z]+/g, (upper) => upper.toLowerCase()) : name;
}

/** The page's tree as the full parser would build it, or null when only the full parser can tell. */
export function readWellFormedHtml(html: string): Root | null {
  if (/[\r\0]/.test(html)) return null;
  try {
    return read(html);
  } catch (error) {
    if (error instanceof NeedsParser) return null;
    throw error;
  }
}
