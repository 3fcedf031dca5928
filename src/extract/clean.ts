/**
 * Cleaning: seed text → lines of plain text with their place in the file, page furniture marked.
 * HTML leftovers are read with rehype's parser (never regular expressions), so tags vanish and
 * entities decode; scripts, styles and other non-text never become text.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Element, Nodes, Root } from 'hast';
import type { Knowledge } from '../knowledge/index.ts';
import { anyPattern } from './any-pattern.ts';

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

/**
 * White space folding would change: a white space other than a plain space, or two spaces in a
 * row. Most lines have neither, and rewriting every space of every line as itself was most of
 * flushing them.
 */
const unfoldedSpace = /[^\S ]| {2}/;

function flush(b: Builder): void {
  if (b.current) {
    const raw = b.current.text;
    const text = (unfoldedSpace.test(raw) ? raw.replace(/[\s\u00a0]+/g, ' ') : raw).trim();
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

/** Each list of furniture patterns, joined once: every article of a run shares the knowledge's lists. */
const joinedPatterns = new WeakMap<readonly RegExp[], (text: string) => boolean>();

function anyOf(patterns: readonly RegExp[]): (text: string) => boolean {
  let test = joinedPatterns.get(patterns);
  if (!test) {
    test = anyPattern(patterns);
    joinedPatterns.set(patterns, test);
  }
  return test;
}

/**
 * Mark page furniture by the patterns of content/chrome.yaml, in place: the lines are the
 * cleaner's own, just made, and a copy of each was garbage at once.
 */
function markFurniture(lines: SourceLine[], knowledge: Knowledge): void {
  const isBlockStart = anyOf(knowledge.chromeBlocks);
  const isFurnitureLine = anyOf(knowledge.chromeLines);
  let inBlock = false;
  for (const line of lines) {
    if (line.text === '') {
      inBlock = false;
      continue;
    }
    const text = line.text.replace(/^[•·▪►»\s]+/, '');
    if (isBlockStart(text)) inBlock = true;
    line.chrome =
      line.chrome ||
      inBlock ||
      isFurnitureLine(text) ||
      knowledge.chrome.prefixes.some((p) => text.startsWith(p));
    line.text = text;
  }
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
  markFurniture(b.lines, knowledge);
  return b.lines.filter((l) => l.text !== '');
}
