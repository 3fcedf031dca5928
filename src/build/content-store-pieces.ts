/**
 * A Vite plugin for a cost of Astro's content layer at scale. Astro hands the whole collection
 * store to the build as one module, `export default JSON.parse("<the store as one string>")`.
 * V8 compiles a string literal in time that grows much faster than its length: at 10,000
 * meetings (a 25–48 MB store) that one module took 10–40 s to import, a third of the build.
 * The same text as 1 MiB literals joined at run time compiles in about a second, and gives
 * the same string, so the store Astro reads is unchanged.
 */
import type { Plugin } from 'vite';

const storeModuleId = '\0astro:data-layer-content';
const prefix = 'export default JSON.parse(';
const suffix = ')';

/** `export default JSON.parse("…")` → the same value from 1 MiB pieces; any other code → null. */
export function splitStoreLiteral(code: string, pieceLength = 1 << 20): string | null {
  const trimmed = code.trim();
  if (!trimmed.startsWith(prefix) || !trimmed.endsWith(suffix)) return null;
  const literal = trimmed.slice(prefix.length, -suffix.length);
  if (literal.length <= pieceLength || !literal.startsWith('"')) return null;
  let text: unknown;
  try {
    text = JSON.parse(literal);
  } catch {
    return null; // not one plain string literal: leave Astro's code as it is
  }
  if (typeof text !== 'string') return null;
  // Non-ASCII characters can only stand inside the store's JSON strings, where \uXXXX means the
  // same: with none left, V8 keeps the text in one byte a character instead of two.
  text = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const pieces: string[] = [];
  // A piece may end inside a surrogate pair: JSON.stringify escapes the lone halves, and the
  // join puts the same UTF-16 code units back together.
  for (let start = 0; start < text.length; start += pieceLength) pieces.push(JSON.stringify(text.slice(start, start + pieceLength)));
  return `export default JSON.parse([\n${pieces.join(',\n')}\n].join(""));\n`;
}

export function contentStorePieces(): Plugin {
  return {
    name: 'parley:content-store-pieces',
    enforce: 'post',
    transform(code, id) {
      if (id !== storeModuleId) return null;
      const split = splitStoreLiteral(code);
      return split === null ? null : { code: split, map: { mappings: '' } };
    },
  };
}
