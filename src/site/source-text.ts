/**
 * The cleaned text of each source, read back from the meeting's Markdown body as plain text.
 * The page renders it as text (escaped by Astro), never as HTML, so even a hand-edited body
 * cannot add markup. Pure.
 */
export interface SourceText {
  heading: string;
  paragraphs: string[];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Undo Markdown's backslash escapes and character references: the text as the converter had it. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])|&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, punct: string | undefined, ref: string | undefined) => {
    if (punct) return punct;
    const r = ref!;
    if (r[0] === '#') {
      const code = r[1] === 'x' || r[1] === 'X' ? parseInt(r.slice(2), 16) : parseInt(r.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[r.toLowerCase()] ?? whole;
  });
}

/** Sections ("## heading" then paragraphs separated by blank lines), as the converter writes them. */
export function sourceTexts(markdown: string): SourceText[] {
  const sections: SourceText[] = [];
  const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  for (const raw of blocks) {
    const block = raw.trim();
    if (!block) continue;
    const heading = /^#{1,6}\s+(.*)$/.exec(block);
    if (heading && !block.includes('\n')) {
      sections.push({ heading: unescapeMarkdown(heading[1]!.replace(/\s+#+\s*$/, '')), paragraphs: [] });
      continue;
    }
    if (sections.length === 0) sections.push({ heading: '', paragraphs: [] });
    sections.at(-1)!.paragraphs.push(unescapeMarkdown(block.replace(/\s*\n\s*/g, ' ')));
  }
  return sections;
}
