/**
 * A meeting file's frontmatter block, written directly: the same bytes gray-matter gives
 * (`matter.stringify` with js-yaml's safeDump, `lineWidth: -1`) for records of plain data —
 * mappings, sequences, strings, integers, booleans and null. js-yaml walks every record through
 * its generic type machinery and searches each object in a list of all objects seen (for
 * anchors): two fifths of rendering a meeting file. The style of each string is chosen by
 * js-yaml's rules, ported below, and its implicit types (does a string read as a date, a
 * number, null?) are the very resolvers of the js-yaml gray-matter loads. Anything else (a
 * shared object, which js-yaml writes as an anchor; a fraction; a date) goes to gray-matter.
 */
import { createRequire } from 'node:module';
import matter from 'gray-matter';

interface ImplicitType {
  resolve(text: string): boolean;
}

/** The implicit types of the js-yaml that gray-matter itself requires (its own dependency). */
export const implicitTypes: ImplicitType[] = (() => {
  const matterPath = createRequire(import.meta.url).resolve('gray-matter');
  const yaml = createRequire(matterPath)('js-yaml') as { DEFAULT_SAFE_SCHEMA: { compiledImplicit: ImplicitType[] } };
  return yaml.DEFAULT_SAFE_SCHEMA.compiledImplicit;
})();

/**
 * The first characters of every string those types read as something else (null, a boolean, a
 * number, a date, a merge key): other strings need not be put to the types' resolvers, which took
 * most of writing a record (checked against every first character in frontmatter.test.ts).
 */
export const mayReadAsOtherType = /^[-+.0-9<FNTfnt~]/;

/** Whether js-yaml would read `text`, written plain, as something other than that string. */
export function readsAsOtherType(text: string): boolean {
  return mayReadAsOtherType.test(text) && implicitTypes.some((t) => t.resolve(text));
}

/** YAML 1.1 booleans js-yaml quotes for older readers (its "compat mode"). */
const deprecatedBooleans = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

/** A UTF-16 unit js-yaml will not print as it is (its isPrintable, with line feed allowed): double quotes. */
const unprintable = /[^\n\x20-\x7e\xa1-\ud7ff\ue000-\ufffd]|[\u2028\u2029\ufeff]/;
/** What keeps a one-line string from plain style (js-yaml's isPlainSafeFirst and isPlainSafe). */
const notPlain = /^[ \-?:,[\]{}#&*!|=>'"%@`]|[,[\]{}:]| #| $/;

const escapes: Record<number, string> = {
  0x00: '\\0', 0x07: '\\a', 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0b: '\\v', 0x0c: '\\f', 0x0d: '\\r', 0x1b: '\\e',
  0x22: '\\"', 0x5c: '\\\\', 0x85: '\\N', 0xa0: '\\_', 0x2028: '\\L', 0x2029: '\\P',
};

const isPrintableUnit = (c: number) =>
  (c >= 0x20 && c <= 0x7e) || (c >= 0xa1 && c <= 0xd7ff && c !== 0x2028 && c !== 0x2029) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);

function hex(code: number): string {
  const digits = code.toString(16).toUpperCase();
  const [handle, length] = code <= 0xff ? ['x', 2] : code <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${handle}${'0'.repeat(length - digits.length)}${digits}`;
}

/** js-yaml's escapeString: a double-quoted scalar's inside. */
function doubleQuoted(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += hex((c - 0xd800) * 0x400 + next - 0xdc00 + 0x10000);
        i++;
        continue;
      }
    }
    const escape = escapes[c];
    out += !escape && isPrintableUnit(c) ? text[i] : escape || hex(c);
  }
  return `"${out}"`;
}

/** A literal block (`|`), as js-yaml writes a string with line breaks when lines are never folded. */
function literalBlock(text: string, indent: number): string {
  const indicator = /^\n* /.test(text) ? '2' : '';
  const clip = text.endsWith('\n');
  const keep = clip && (text[text.length - 2] === '\n' || text === '\n');
  const pad = ' '.repeat(indent);
  const lines = text.split(/(?<=\n)/).map((line) => (line.length && line !== '\n' ? pad + line : line)).join('');
  return `|${indicator}${keep ? '+' : clip ? '' : '-'}\n${lines.endsWith('\n') ? lines.slice(0, -1) : lines}`;
}

/** ASCII units any style check below looks for anywhere: controls (line feed too), DEL, and `,[]{}:`. */
const flaggedAscii = (() => {
  const flags = new Uint8Array(0x80);
  for (let c = 0; c < 0x20; c++) flags[c] = 1;
  for (const c of ',[]{}:\x7f') flags[c.charCodeAt(0)] = 1;
  return flags;
})();
/** What keeps a string from plain style by its first character alone (js-yaml's isPlainSafeFirst). */
const notPlainFirst = /^[ \-?:,[\]{}#&*!|=>'"%@`]/;

/**
 * Whether any style check below could apply (an unprintable unit, a line break, what keeps a
 * string from plain style): exactly `unprintable`, a line feed or `notPlain` found, in one pass
 * of plain comparisons. Most strings have none, and three regular-expression scans of each were
 * most of choosing their style.
 */
export function needsStyleChecks(text: string): boolean {
  if (notPlainFirst.test(text)) return true;
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (flaggedAscii[c] === 1) return true;
      // " #" starts a comment; a trailing space would be lost.
      if (c === 0x20 && (i === last || text.charCodeAt(i + 1) === 0x23)) return true;
    } else if (c < 0xa1 || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c > 0xfffd) return true;
  }
  return false;
}

/** A string scalar at nesting `level`, in the style js-yaml's chooseScalarStyle picks. */
function scalar(text: string, level: number): string {
  if (text.length === 0) return "''";
  if (deprecatedBooleans.has(text)) return `'${text}'`;
  if (!needsStyleChecks(text)) {
    // Printable, one line, plain-safe: plain unless it would read as another type.
    return readsAsOtherType(text) ? `'${text.replace(/'/g, "''")}'` : text;
  }
  if (unprintable.test(text)) return doubleQuoted(text);
  if (text.includes('\n')) return literalBlock(text, 2 * Math.max(1, level));
  if (!notPlain.test(text) && !readsAsOtherType(text)) return text;
  return `'${text.replace(/'/g, "''")}'`;
}

/** Thrown where js-yaml would do something this writer does not: gray-matter writes the record. */
class NotPlainData extends Error {}

/** An object or array met once more is written by js-yaml as an anchor and an alias: not here. */
function enter(value: object, seen: Set<object>): void {
  const proto = Object.getPrototypeOf(value);
  if (seen.has(value) || !(Array.isArray(value) || proto === Object.prototype || proto === null)) throw new NotPlainData();
  seen.add(value);
}

const isFilledMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0;

/**
 * A value at js-yaml's nesting `level` (that of its writeNode): its text after `key:` or `-`,
 * starting with a line break when it is a block.
 */
function node(value: unknown, level: number, seen: Set<object>): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return scalar(value, level);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || Object.is(value, -0)) throw new NotPlainData();
    return value.toString(10);
  }
  if (typeof value !== 'object') throw new NotPlainData();
  if (!Array.isArray(value)) {
    if (Object.keys(value).length === 0) {
      enter(value, seen);
      return '{}';
    }
    return mapping(value as Record<string, unknown>, level, false, seen);
  }
  enter(value, seen);
  if (value.length === 0) return '[]';
  const pad = `\n${' '.repeat(2 * level)}`;
  let out = '';
  for (const item of value) {
    // js-yaml writes a list in a list on the line of its dash: not needed here.
    if (Array.isArray(item)) throw new NotPlainData();
    const text = isFilledMapping(item) ? mapping(item, level + 1, true, seen) : node(item, level + 1, seen);
    out += `${pad}${text.startsWith('\n') ? '-' : '- '}${text}`;
  }
  return out;
}

/** Keys found plain: a record's few keys recur in every record, their check need not. */
const plainKeys = new Set<string>();

/** Whether js-yaml writes the key as it is, as a simple (not `?`) key. The style of a one-line key does not depend on its level. */
function isPlainKey(key: string): boolean {
  if (plainKeys.has(key)) return true;
  if (scalar(key, 1) !== key || key.length > 1024) return false;
  plainKeys.add(key);
  return true;
}

/** A block mapping at `level`; `compact`: its first pair stays on the line before (after a `-`, or first in the file). */
function mapping(object: Record<string, unknown>, level: number, compact: boolean, seen: Set<object>): string {
  enter(object, seen);
  const pad = `\n${' '.repeat(2 * level)}`;
  let out = '';
  let first = true;
  for (const key of Object.keys(object)) {
    // Keys are plain words in a record; any other key goes to gray-matter.
    if (!isPlainKey(key)) throw new NotPlainData();
    const text = node(object[key], level + 1, seen);
    out += `${first && compact ? '' : pad}${key}${text.startsWith('\n') ? ':' : ': '}${text}`;
    first = false;
  }
  return out;
}

/** `---`, the record as YAML, `---`, then the body: byte for byte what matter.stringify(body, data, { lineWidth: -1 }) returns. */
export function frontmatterFile(data: Record<string, unknown>, body: string): string {
  let yaml: string;
  try {
    yaml = Object.keys(data).length === 0 ? '{}' : mapping(data, 0, true, new Set()).trim();
  } catch (error) {
    if (!(error instanceof NotPlainData)) throw error;
    return matter.stringify(body, data, { lineWidth: -1 } as never);
  }
  if (yaml === '{}') return body.endsWith('\n') ? body : `${body}\n`;
  return `---\n${yaml}\n---\n${body.endsWith('\n') ? body : `${body}\n`}`;
}
