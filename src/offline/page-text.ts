/**
 * Reads a built page the way Pagefind's indexer does (its fossick parser), so that the copy's
 * search sees the same words at the same weights: the text of `data-pagefind-body` (or of the
 * whole page when no page of the site marks one), inline elements running together ("<span>A</span>
 * <span>B</span>" without a space is one word, "AB"), blocks separated, headings and
 * `data-pagefind-weight` weighting the words inside, `data-pagefind-ignore`d and non-content
 * elements (nav, footer, form, script…) left out, and the `data-pagefind-meta` fields. Pure.
 */
import type { Element, ElementContent, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { PageText } from './search-engine.ts';
import { indexedPart } from './indexed-part.ts';
import { keepsAttribute, readWellFormedHtml } from './well-formed-html.ts';

// Elements Pagefind ends with a sentence break, and those it leaves out with their content.
const sentences = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'div', 'ul', 'li', 'article', 'section']);
const removed = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);
const headingWeights: Record<string, number> = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };
const sentenceEnd = /[\p{L}\p{M}\p{N}\p{Pc}'")$*]$/u;
const weightMark = '___PAGEFIND_WEIGHT___';
const autoWeightMark = '___PAGEFIND_AUTO_WEIGHT___';
const endWeightMark = '___END_PAGEFIND_WEIGHT___';
/** Weights are kept as Pagefind keeps them: whole 24ths of a word, at most 10 words. */
export const weightUnit = 24;

const parser = unified().use(rehypeParse);

export function parseHtml(html: string): Root {
  return parser.parse(html);
}

/** Whether a page marks its indexed part (cheap: no parsing). */
export function marksPagefindBody(html: string): boolean {
  return /<[a-z][^>]*\sdata-pagefind-body[\s=>/]/i.test(html);
}

// Styles, scripts and drawings hold no indexed text: dropped before parsing, which they would slow.
const inert = /<style\b[\s\S]*?<\/style>|<script\b[\s\S]*?<\/script>|<svg\b[\s\S]*?<\/svg>/gi;

function attr(node: Element, name: string): string | null {
  const value = node.properties[name];
  if (value === undefined || value === null || value === false) return null;
  if (value === true) return '';
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function isLeftOut(el: Element): boolean {
  return removed.has(el.tagName) || attr(el, 'dataPagefindIgnore') !== null;
}

function findAll(node: Root | Element, test: (e: Element) => boolean, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) out.push(child);
    else findAll(child, test, out);
  }
  return out;
}


/** An element's text as Pagefind collects it, with its weight markers; null when left out. */
function digestOf(el: Element): string | null {
  if (isLeftOut(el)) return null;
  let value = '';
  for (const child of el.children) {
    if (child.type === 'text') value += child.value;
    if (child.type !== 'element') continue;
    // <br> and elements with an id (Pagefind marks them as anchors) break words.
    if (child.tagName === 'br' || (attr(child, 'id') !== null && !isLeftOut(child))) value += ' ';
    const inner = digestOf(child);
    if (inner !== null) value += inner;
  }
  if (sentences.has(el.tagName)) {
    value = ` ${value}`;
    if (sentenceEnd.test(value)) value += '.';
    value += ' ';
  }
  const weight = attr(el, 'dataPagefindWeight');
  if (weight !== null) value = ` ${weightMark}${weight} ${value} ${endWeightMark} `;
  else if (headingWeights[el.tagName]) value = ` ${autoWeightMark}${headingWeights[el.tagName]} ${value} ${endWeightMark} `;
  return value;
}

/** The digest's words with their weights (in 24ths), markers applied as Pagefind applies them. */
export function digestWords(digest: string): PageText['words'] {
  const stack = [weightUnit];
  const words: PageText['words'] = [];
  const parse = (mark: string, word: string) => {
    const n = Number.parseFloat(word.slice(mark.length));
    return Number.isFinite(n) ? n : 1;
  };
  for (const word of digest.split(/\s+/)) {
    if (!word) continue;
    if (word.startsWith(weightMark)) {
      const w = parse(weightMark, word);
      stack.push(w <= 0 ? 0 : Math.max(1, Math.trunc(Math.min(w, 10) * weightUnit)));
    } else if (word.startsWith(autoWeightMark)) {
      stack.push(stack.length === 1 ? Math.trunc(Math.min(Math.max(parse(autoWeightMark, word), 0), 10) * weightUnit) : stack.at(-1)!);
    } else if (word.startsWith(endWeightMark)) stack.pop();
    else words.push({ text: word, weight: stack.at(-1) ?? weightUnit });
  }
  return words;
}

function plainText(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  const inner = node.children.map(plainText).join('');
  return sentences.has(node.tagName) || node.tagName === 'br' ? ` ${inner} ` : inner;
}

/**
 * Meta fields as Pagefind reads them: `key` (the text), `key:value`, `key[attr]`, comma-separated;
 * null when a field reads an attribute the tree does not keep.
 */
function metaOf(tree: Root, keepsEveryAttribute: boolean): Record<string, string> | null {
  const meta: Record<string, string> = {};
  let unreadable = false;
  const visit = (node: Root | Element) => {
    for (const el of node.children) {
      if (el.type !== 'element' || attr(el, 'dataPagefindIgnore') === 'all') continue;
      const spec = attr(el, 'dataPagefindMeta');
      if (spec !== null) {
        const colon = spec.indexOf(':');
        const names = colon === -1 ? spec : spec.slice(0, colon);
        const literal = colon === -1 ? null : spec.slice(colon + 1);
        const chunks = names.split(',').map((s) => s.trim()).filter(Boolean);
        chunks.forEach((chunk, i) => {
          const fromAttr = /^([^[\]]+)\[([^\]]+)\]$/.exec(chunk);
          if (i === chunks.length - 1 && literal !== null) meta[chunk] = literal;
          else if (fromAttr) {
            const attribute = fromAttr[2]!.trim();
            if (!keepsEveryAttribute && !keepsAttribute(attribute)) unreadable = true;
            meta[fromAttr[1]!.trim()] = attr(el, attribute.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())) ?? '';
          }
          else meta[chunk] = plainText(el).replace(/\s+/g, ' ').trim();
        });
      }
      visit(el);
    }
  };
  visit(tree);
  return unreadable ? null : meta;
}

/**
 * The page's indexed words, or null when Pagefind would not index it (the site marks bodies and
 * this page has none). `part`: the page's `indexedPart`, when the caller has it already (with
 * `siteMarksBodies`, a part that is a string is all that is read).
 */
export function pageText(html: string, url: string, siteMarksBodies: boolean, part?: string | null): PageText | null {
  // No element can carry the attribute if its name is nowhere in the page (an indexed part has
  // one: `html` is not read then, and may be left empty).
  if (siteMarksBodies && typeof part !== 'string' && !/data-pagefind-body/i.test(html)) return null;
  // Of a page whose indexed element is all that matters, only that element (indexed-part.ts).
  const readable = ((siteMarksBodies ? (part === undefined ? indexedPart(html) : part) : null) ?? html).replace(inert, '');
  // Most pages read without the full parser, to the same tree (well-formed-html.ts).
  const light = readWellFormedHtml(readable);
  const text = light === null ? undefined : textOf(light, url, siteMarksBodies, false);
  return text !== undefined ? text : textOf(parseHtml(readable), url, siteMarksBodies, true) ?? null;
}

/** The page's text from its tree; undefined when the tree lacks an attribute a meta field reads. */
function textOf(tree: Root, url: string, siteMarksBodies: boolean, keepsEveryAttribute: boolean): PageText | null | undefined {
  const roots = siteMarksBodies
    ? findAll(tree, (e) => attr(e, 'dataPagefindBody') !== null)
    : findAll(tree, (e) => e.tagName === 'body');
  if (roots.length === 0) return null;
  const digest = roots.map((root) => digestOf(root) ?? '').join('');
  const meta = metaOf(tree, keepsEveryAttribute);
  if (meta === null) return undefined;
  // Pagefind's fallback title: the page's first h1.
  const h1 = meta.title === undefined ? findAll(tree, (e) => e.tagName === 'h1')[0] : undefined;
  if (h1) meta.title = plainText(h1).replace(/\s+/g, ' ').trim();
  return { url, meta, words: digestWords(digest) };
}
