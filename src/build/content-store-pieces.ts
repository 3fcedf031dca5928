/**
 * A Vite plugin for a cost of Astro's content layer at scale. Astro hands the whole collection
 * store to the build as one module, `export default JSON.parse("<the store as one string>")`.
 * V8 compiles a string literal in time that grows much faster than its length: at 10,000
 * meetings (a 25–48 MB store) that one module took 10–40 s to import, a third of the build.
 * The same text as 1 MiB literals joined at run time compiles in about a second, and gives
 * the same store, so what Astro reads is unchanged.
 */
import type { Plugin } from 'vite';

const storeModuleId = '\0astro:data-layer-content';
const prefix = 'export default JSON.parse("';
const suffix = '")';

/** True when `body` (the inside of a double-quoted literal) has no unescaped quote or line break. */
function isOneLiteral(body: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x5c) i++; // a backslash: the next character is escaped
    else if (c === 0x22 || c === 0x0a || c === 0x0d) return false;
  }
  return true;
}

/** `export default JSON.parse("…")` → the same value from pieces of about `pieceLength`; any other code → null. */
export function splitStoreLiteral(code: string, pieceLength = 1 << 20): string | null {
  const trimmed = code.trim();
  if (!trimmed.startsWith(prefix) || !trimmed.endsWith(suffix)) return null;
  const body = trimmed.slice(prefix.length, -suffix.length);
  if (body.length <= pieceLength || !isOneLiteral(body)) return null;
  // Slices of the literal joined once: the build holds Astro's code and this one copy, no more
  // (at 10,000 meetings each is about 100 MB).
  const parts = ['export default JSON.parse([\n"'];
  let start = 0;
  while (start < body.length) {
    // Cut just after a comma: in the literal a comma is always itself, never part of an escape.
    const comma = body.indexOf(',', start + pieceLength);
    const end = comma === -1 ? body.length : comma + 1;
    if (start > 0) parts.push('",\n"');
    parts.push(body.slice(start, end));
    start = end;
  }
  parts.push('"\n].join(""));\n');
  return parts.join('');
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
