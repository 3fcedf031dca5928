/**
 * The Markdown body: one section per source, built as an mdast syntax tree and serialised by
 * remark, so seed text always comes out as escaped text — never HTML, markup or frontmatter.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
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

export function bodyMarkdown(sections: BodySection[]): string {
  const children: RootContent[] = [];
  for (const section of sections) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: section.heading }] } satisfies Heading);
    for (const text of section.paragraphs) {
      children.push({ type: 'paragraph', children: [{ type: 'text', value: text }] } satisfies Paragraph);
    }
  }
  const tree: Root = { type: 'root', children };
  let out = processor.stringify(tree);
  // A body never ends a frontmatter block or opens one: a line of dashes stays escaped text.
  out = out.replace(/^(-{3,})$/gm, (m) => `\\${m}`);
  return out;
}
