/**
 * The Markdown body: one section per source, built as an mdast syntax tree and serialised by
 * remark, so seed text always comes out as escaped text — never HTML, markup or frontmatter.
 */
import type { Heading, Paragraph } from 'mdast';
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';

export interface BodySection {
  /** Heading of the section: the outlet and the report's headline. */
  heading: string;
  paragraphs: string[];
}

// Braces and backticks are escaped everywhere too: a body is never read as an expression or code.
const processor = unified().use(remarkStringify, {
  bullet: '-',
  emphasis: '_',
  fences: true,
  rule: '-',
  unsafe: [{ character: '{' }, { character: '}' }, { character: '`' }],
});

/**
 * Text remark writes as it is, in a paragraph or after `## `: no character any of its escaping
 * rules looks at (markup, entities, line breaks, controls), no space at either end, and nothing
 * at the start that could open a list item. Most report lines are such text; remark's escaping
 * walks every rule over every line and was a third of rendering a meeting file.
 */
const asIs = (text: string) => text !== '' && !/[\0-\x1f\x7f*_[\]`\\<>&!{}~#=+]|^[ \-]|^\d+[.)]| $/.test(text);

/** One block (a heading or a paragraph) as remark writes it alone; blocks of a root are joined by a blank line. */
function block(node: Heading | Paragraph): string {
  return processor.stringify({ type: 'root', children: [node] }).replace(/\n$/, '');
}

export function bodyMarkdown(sections: BodySection[]): string {
  const blocks: string[] = [];
  for (const section of sections) {
    blocks.push(asIs(section.heading) ? `## ${section.heading}` : block({ type: 'heading', depth: 2, children: [{ type: 'text', value: section.heading }] }));
    for (const text of section.paragraphs) {
      blocks.push(asIs(text) ? text : block({ type: 'paragraph', children: [{ type: 'text', value: text }] }));
    }
  }
  if (blocks.length === 0) return '';
  // A body never ends a frontmatter block or opens one: a line of dashes stays escaped text.
  return `${blocks.join('\n\n')}\n`.replace(/^(-{3,})$/gm, (m) => `\\${m}`);
}
