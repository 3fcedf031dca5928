/**
 * Reading a meeting file's frontmatter the way the site's reader needs it, without js-yaml for
 * the files the converter writes (src/convert/frontmatter.ts): block mappings of plain keys,
 * block sequences ("- " items, mappings compact after the dash), and one-line scalars — plain,
 * single- or double-quoted, null, booleans, decimal integers, `{}` and `[]`. That is all the
 * writer emits for a record, and here it reads in a tenth of js-yaml's time (most of the
 * site's reading of them at 10,000 meetings). The values are those js-yaml gives: a plain scalar another
 * type could claim (a date, a float, "~") is js-yaml's to read, and so is everything outside the
 * subset — comments, flow collections, anchors, tags, block scalars, multi-line scalars, tabs,
 * duplicate keys: for those `readWrittenFrontmatter` returns null and the caller uses
 * gray-matter, which gives the same answer or the error to report. Pure.
 */
import { needsStyleChecks, readsAsOtherType } from '../convert/frontmatter.ts';

/** What gray-matter gives for a file: its frontmatter's data and the text after it. */
export interface FrontmatterFile {
  data: Record<string, unknown>;
  content: string;
}

/** Declines: the text is not (only) what the converter writes. */
class OutsideSubset extends Error {}
const outside = (): never => {
  throw new OutsideSubset();
};

/** A key the writer writes plain (a word): anything else is left to js-yaml. */
const plainKey = /^[A-Za-z][A-Za-z0-9_-]*$/;
const decimal = /^-?(?:0|[1-9][0-9]{0,14})$/;

const doubleQuotedEscapes: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const hexLengths: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The inside of a double-quoted scalar that closes on its line, read; anything it cannot be sure of declines. */
function readDoubleQuoted(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') outside();
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = text[++i];
    if (next === undefined) outside();
    const length = hexLengths[next!];
    if (length !== undefined) {
      const digits = text.slice(i + 1, i + 1 + length);
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== length) outside();
      out += String.fromCodePoint(parseInt(digits, 16));
      i += length;
    } else {
      const escaped = doubleQuotedEscapes[next!];
      if (escaped === undefined) outside();
      out += escaped;
    }
  }
  return out;
}

/** A scalar written after "key: " or "- ", read as js-yaml reads it. */
function readScalar(text: string): unknown {
  if (text === 'null') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === '{}') return {};
  if (text === '[]') return [];
  if (decimal.test(text)) return Number(text);
  if (text.startsWith("'")) {
    if (text.length < 2 || !text.endsWith("'")) outside();
    const inside = text.slice(1, -1);
    // A lone quote inside ends the scalar early: not a one-line single-quoted scalar.
    if (inside.replace(/''/g, '').includes("'")) outside();
    return inside.replace(/''/g, "'");
  }
  if (text.startsWith('"')) {
    // An escaped last quote, or a quote inside, is caught while reading the inside.
    if (text.length < 2 || !text.endsWith('"')) outside();
    return readDoubleQuoted(text.slice(1, -1));
  }
  // What the writer would not have written plain (an unprintable unit, what keeps a string from
  // plain style) is not a plain string to read either; nor is what reads as another type.
  if (text === '' || needsStyleChecks(text) || readsAsOtherType(text)) outside();
  return text;
}

interface Line {
  indent: number;
  text: string;
}

/** The YAML's lines, each with its indentation (skipping empty ones); a line of spaces declines. */
function linesOf(yaml: string): Line[] {
  const lines: Line[] = [];
  for (const raw of yaml.split('\n')) {
    if (raw === '') continue;
    let indent = 0;
    while (raw.charCodeAt(indent) === 0x20) indent++;
    if (indent === raw.length) outside();
    lines.push({ indent, text: raw.slice(indent) });
  }
  return lines;
}

/** Reads the lines as nested blocks, each call taking the lines of one block and leaving the rest. */
class BlockReader {
  private at = 0;
  private readonly lines: Line[];
  constructor(lines: Line[]) {
    this.lines = lines;
  }

  done(): boolean {
    return this.at === this.lines.length;
  }

  /** A block mapping whose keys stand at `indent`; `first`: its first pair, already read after a dash. */
  mapping(indent: number, first?: { text: string }): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let text: string | undefined = first?.text;
    for (;;) {
      if (text === undefined) {
        const line = this.lines[this.at];
        if (!line || line.indent < indent) break;
        if (line.indent > indent) outside();
        text = line.text;
        this.at++;
      }
      const colon = text.indexOf(':');
      if (colon <= 0) outside();
      const key = text.slice(0, colon);
      if (!plainKey.test(key) || Object.hasOwn(out, key)) outside();
      const rest = text.slice(colon + 1);
      if (rest === '') out[key] = this.nested(indent);
      else if (rest.startsWith(' ')) out[key] = readScalar(rest.slice(1));
      else outside();
      this.scalarEnds(indent, rest !== '');
      text = undefined;
    }
    return out;
  }

  /** After a scalar, nothing more indented may follow (it would continue the scalar). */
  private scalarEnds(indent: number, wasScalar: boolean): void {
    const next = this.lines[this.at];
    if (wasScalar && next && next.indent > indent) outside();
  }

  /** The block under "key:" at `indent`: a mapping or a sequence, more indented. */
  private nested(indent: number): unknown {
    const line = this.lines[this.at];
    // "key:" with nothing under it is null to js-yaml; a sequence at the key's own indent is valid YAML the writer never writes.
    if (!line || line.indent <= indent) outside();
    return line!.text === '-' || line!.text.startsWith('- ') ? this.sequence(line!.indent) : this.mapping(line!.indent);
  }

  /** A block sequence whose dashes stand at `indent`. */
  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const line = this.lines[this.at];
      if (!line || line.indent < indent) break;
      if (line.indent > indent || !line.text.startsWith('- ')) outside();
      this.at++;
      const item = line.text.slice(2);
      // "- key: value": a mapping whose further keys stand two columns in, under the first.
      const colon = item.indexOf(': ');
      const endsInColon = item.endsWith(':') && plainKey.test(item.slice(0, -1));
      if ((colon > 0 && plainKey.test(item.slice(0, colon))) || endsInColon) out.push(this.mapping(indent + 2, { text: item }));
      else {
        out.push(readScalar(item));
        this.scalarEnds(indent, true);
      }
    }
    return out;
  }
}

/** The YAML of a frontmatter block, when it is wholly in the subset the converter writes; else null. */
export function readWrittenYaml(yaml: string): Record<string, unknown> | null {
  // Tabs and carriage returns have rules of their own (indentation, line breaks): js-yaml's to apply.
  if (/[\t\r]/.test(yaml)) return null;
  try {
    const lines = linesOf(yaml);
    if (lines.length === 0) return null;
    const reader = new BlockReader(lines);
    if (lines[0]!.indent !== 0) return null;
    const data = reader.mapping(0);
    return reader.done() ? data : null;
  } catch (error) {
    if (error instanceof OutsideSubset) return null;
    throw error;
  }
}

/**
 * What `matter(contents, {})` gives of a file that opens with "---" and a line break, for a
 * frontmatter the converter could have written; null for any other file (gray-matter reads it).
 */
export function readWrittenFrontmatter(contents: string): FrontmatterFile | null {
  // gray-matter: the block runs from after "---" to the next "\n---"; the content starts after that and one line break.
  if (!contents.startsWith('---\n')) return null;
  const close = contents.indexOf('\n---', 3);
  if (close === -1) return null;
  const data = readWrittenYaml(contents.slice(3, close));
  if (data === null) return null;
  let content = contents.slice(close + '\n---'.length);
  if (content[0] === '\r') content = content.slice(1);
  if (content[0] === '\n') content = content.slice(1);
  return { data, content };
}
