/**
 * Cleaning: seed text → lines of plain text with their place in the file, page furniture marked.
 * HTML leftovers are read with rehype's parser (never regular expressions), so tags vanish and
 * entities decode; scripts, styles and other non-text never become text.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Element, Nodes, Root } from 'hast';
import type { Knowledge } from '../knowledge/index.ts';

export interface SourceLine {
  text: string;
  /** 1-based line and column in the seed file where the text starts. */
  line: number;
  column: number;
  /** Page furniture: menus, share rows, "Also Read", credits. Never a fact, never in a body. */
  chrome: boolean;
  /** The HTML element said this is the page's title or a heading. */
  heading: boolean;
}

const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'td', 'th', 'title', 'tr', 'ul',
]);
const skippedTags = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'meta', 'link', 'button', 'select', 'img']);
const headingTags = new Set(['title', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const furnitureTags = new Set(['nav', 'aside']);
const furnitureClass = /(^|[\s_-])(share|sharing|social|related|also-read|ad|ads|ad-slot|advert|advertisement|cookie|consent|newsletter|breadcrumbs?|menu|nav|skip-link|comments?)([\s_-]|$)/i;

const blockTag = /<(?:!doctype|html|head|body|p|div|br|h[1-6]|li|ul|article|section|main|header|footer|nav|table)\b[^>]*>/gi;

/**
 * Whether the text is an HTML page or fragment, rather than text with stray tags or entities:
 * it opens with markup, or block tags are many. A text that quotes a tag or two keeps its lines.
 */
export function looksLikeHtml(text: string): boolean {
  if (/^\s*<(?:!doctype|html|head|body|meta|title|div|p|article|section|main|header)\b/i.test(text)) return true;
  return (text.match(blockTag)?.length ?? 0) >= 5;
}

interface Builder {
  lines: SourceLine[];
  current: { text: string; line: number; column: number; chrome: boolean; heading: boolean } | null;
}

function flush(b: Builder): void {
  if (b.current) {
    const text = b.current.text.replace(/[\s\u00a0]+/g, ' ').trim();
    if (text) b.lines.push({ ...b.current, text });
  }
  b.current = null;
}

function append(b: Builder, text: string, line: number, column: number, chrome: boolean, heading: boolean): void {
  if (!b.current) {
    if (!text.trim()) return;
    const lead = text.length - text.trimStart().length;
    b.current = { text: '', line, column: column + lead, chrome, heading };
  }
  b.current.text += text;
  b.current.chrome ||= chrome;
}

/** HTML semantics: blocks make lines, white space inside a block folds. */
function walkHtml(node: Nodes, b: Builder, chrome: boolean, heading: boolean): void {
  if (node.type === 'text') {
    const pos = node.position?.start ?? { line: 0, column: 0 };
    // A blank line in a text run is a paragraph break: scrapes mix plain text into markup.
    const parts = node.value.split(/(\n[ \t]*\n\s*)/);
    let line = pos.line;
    let column = pos.column;
    parts.forEach((part, i) => {
      if (i % 2 === 1) {
        flush(b);
        line += part.split('\n').length - 1;
        column = part.length - part.lastIndexOf('\n');
        return;
      }
      append(b, part, line, column, chrome, heading);
      const breaks = part.split('\n').length - 1;
      if (breaks > 0) {
        line += breaks;
        column = part.length - part.lastIndexOf('\n');
      } else column += part.length;
    });
    return;
  }
  if (node.type !== 'root' && node.type !== 'element') return;
  if (node.type === 'element') {
    const el = node as Element;
    if (skippedTags.has(el.tagName)) return;
    if (el.tagName === 'head') {
      for (const child of el.children) if (child.type === 'element' && child.tagName === 'title') walkHtml(child, b, chrome, true);
      return;
    }
    const cls = [el.properties?.className, el.properties?.id].flat().filter(Boolean).join(' ');
    const isFurniture = chrome || furnitureTags.has(el.tagName) || furnitureClass.test(cls);
    const isBlock = blockTags.has(el.tagName);
    if (isBlock) flush(b);
    for (const child of el.children) walkHtml(child as Nodes, b, isFurniture, heading || headingTags.has(el.tagName));
    if (isBlock) flush(b);
    return;
  }
  for (const child of (node as Root).children) walkHtml(child as Nodes, b, chrome, heading);
}

/** Text semantics: every line end is a line; tags inside a line vanish, entities decode. */
function walkText(node: Nodes, b: Builder): void {
  if (node.type === 'text') {
    const start = node.position?.start ?? { line: 0, column: 0 };
    const parts = node.value.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) {
        flush(b);
        // An empty line is kept as a marker: furniture blocks run to the next one.
        if (part.trim() === '') b.lines.push({ text: '', line: start.line + i, column: 1, chrome: false, heading: false });
      }
      append(b, part, start.line + i, i === 0 ? start.column : 1, false, false);
    });
    return;
  }
  if (node.type === 'element' && skippedTags.has(node.tagName)) return;
  if (node.type === 'element' && node.tagName === 'br') {
    flush(b);
    return;
  }
  if (node.type === 'root' || node.type === 'element') for (const child of node.children) walkText(child as Nodes, b);
}

/** Mark page furniture by the patterns of content/chrome.yaml. */
function markFurniture(lines: SourceLine[], knowledge: Knowledge): SourceLine[] {
  let inBlock = false;
  const out: SourceLine[] = [];
  for (const line of lines) {
    if (line.text === '') {
      inBlock = false;
      out.push(line);
      continue;
    }
    const text = line.text.replace(/^[•·▪►»\s]+/, '');
    const startsBlock = knowledge.chromeBlocks.some((re) => re.test(text));
    if (startsBlock) inBlock = true;
    const chrome =
      line.chrome ||
      inBlock ||
      knowledge.chromeLines.some((re) => re.test(text)) ||
      knowledge.chrome.prefixes.some((p) => text.startsWith(p));
    out.push({ ...line, text, chrome });
  }
  return out;
}

/**
 * The text as an HTML syntax tree. Text with no markup (no `<`, no `&`, no NUL) is one text node
 * to the parser: built directly, since parsing costs a sixth of converting a plain article.
 */
function parseMarkup(text: string): Root {
  if (!/[<&\0]/.test(text)) {
    const end = { line: text.split('\n').length, column: text.length - text.lastIndexOf('\n'), offset: text.length };
    return { type: 'root', children: text ? [{ type: 'text', value: text, position: { start: { line: 1, column: 1, offset: 0 }, end } }] : [] };
  }
  return unified().use(rehypeParse, { fragment: !/<html\b/i.test(text) }).parse(text) as Root;
}

/** Clean a seed's text into lines. Empty lines are dropped from the result. */
export function cleanText(raw: string, knowledge: Knowledge): SourceLine[] {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const tree = parseMarkup(text);
  const b: Builder = { lines: [], current: null };
  if (looksLikeHtml(text)) walkHtml(tree, b, false, false);
  else walkText(tree, b);
  flush(b);
  return markFurniture(b.lines, knowledge).filter((l) => l.text !== '');
}
