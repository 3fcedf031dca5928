/**
 * Reads what Pagefind reads from a built page: the text inside `data-pagefind-body` (or the whole
 * body when no page of the site marks one), heading-weighted, minus `data-pagefind-ignore`d and
 * non-content elements, and the `data-pagefind-meta` fields. Pure: HTML in, words out.
 */
import type { Element, ElementContent, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { PageText } from './search-engine.ts';

// Pagefind's default weights for headings; everything else weighs 1.
const headingWeights: Record<string, number> = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };
const skipped = new Set(['script', 'style', 'noscript', 'template', 'svg', 'form', 'iframe', 'object', 'head']);
// Elements that separate words in meta text; inline ones (a, span, em…) do not.
const blocks = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul', 'time']);

const parser = unified().use(rehypeParse);

export function parseHtml(html: string): Root {
  return parser.parse(html);
}

function attr(node: Element, name: string): string | null {
  const value = node.properties[name];
  if (value === undefined || value === null || value === false) return null;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  const parts = node.children.map(textOf);
  return blocks.has(node.tagName) ? ` ${parts.join('')} ` : parts.join('');
}

function findAll(node: Root | Element, test: (e: Element) => boolean, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) out.push(child);
    findAll(child, test, out);
  }
  return out;
}

export function hasPagefindBody(tree: Root): boolean {
  return findAll(tree, (e) => attr(e, 'dataPagefindBody') !== null).length > 0;
}

/** Meta fields as Pagefind reads them: `key` (the text), `key:value`, `key[attr]`, comma-separated. */
function metaOf(tree: Root): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const el of findAll(tree, (e) => attr(e, 'dataPagefindMeta') !== null)) {
    for (const spec of attr(el, 'dataPagefindMeta')!.split(',').map((s) => s.trim()).filter(Boolean)) {
      const literal = /^([^:[\]]+):(.*)$/s.exec(spec);
      const fromAttr = /^([^[\]]+)\[([^\]]+)\]$/.exec(spec);
      if (literal) meta[literal[1]!.trim()] ??= literal[2]!.trim();
      else if (fromAttr) meta[fromAttr[1]!.trim()] ??= attr(el, fromAttr[2]!.trim().replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())) ?? '';
      else meta[spec] ??= textOf(el).replace(/\s+/g, ' ').trim();
    }
  }
  return meta;
}

/**
 * The page's indexed text, or null when Pagefind would not index it (the site marks bodies and
 * this page has none, or the page opts out with data-pagefind-ignore="all" on its body).
 */
export function pageText(html: string, url: string, siteMarksBodies: boolean): PageText | null {
  const tree = parseHtml(html);
  const roots = siteMarksBodies
    ? findAll(tree, (e) => attr(e, 'dataPagefindBody') !== null)
    : findAll(tree, (e) => e.tagName === 'body');
  if (roots.length === 0) return null;
  const words: PageText['words'] = [];
  const walk = (node: ElementContent, weight: number): void => {
    if (node.type === 'text') {
      for (const text of node.value.split(/\s+/)) if (text) words.push({ text, weight });
      return;
    }
    if (node.type !== 'element' || skipped.has(node.tagName) || attr(node, 'dataPagefindIgnore') !== null) return;
    const own = Number(attr(node, 'dataPagefindWeight'));
    const next = Number.isFinite(own) && own > 0 ? own : (headingWeights[node.tagName] ?? weight);
    for (const child of node.children) walk(child, next);
  };
  for (const root of roots) for (const child of root.children) walk(child, 1);
  return { url, meta: metaOf(tree), words };
}

