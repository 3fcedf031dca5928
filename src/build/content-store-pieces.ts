/**
 * A Vite plugin (and the integration that adds it) for a cost of Astro's content layer at scale.
 * Astro hands the whole collection store to the build as one module, `export default
 * JSON.parse("<the store as one string>")`: at 10,000 meetings a 25 MB store, which Vite bundles
 * and writes out as a module of twice that, and which the prerender step then compiles.
 *
 * When that string is the store file Astro has just written (`<cacheDir>/data-store.json`, the
 * same text), the module reads the file when it runs instead: the same store, and Vite bundles
 * one line (at 10,000 meetings the first page renders ~1.5 s sooner). The module is only run by
 * the build that wrote it (a static build's server bundle is not deployed). Otherwise (a store
 * that is not that file's text, as in `astro dev`), the literal is cut up: V8 compiles a string
 * literal in time that grows much faster than its length (10–40 s for that one module), and the
 * same text as 1 MiB literals joined at run time compiles in about a second.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
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

/**
 * A module that reads the store from `storeFile` when it runs, when `code` is Astro's module of
 * exactly that file's text; else null.
 */
export function storeReadAtRunTime(code: string, storeFile: string): string | null {
  const trimmed = code.trim();
  if (!trimmed.startsWith(prefix) || !trimmed.endsWith(suffix) || !existsSync(storeFile)) return null;
  const text = readFileSync(storeFile, 'utf8');
  if (trimmed !== `export default JSON.parse(${JSON.stringify(text)})`) return null;
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`;
}

/** `storeFile`: where Astro writes the store this build reads, once known. */
export function contentStorePieces(storeFile: () => string | null = () => null): Plugin {
  return {
    name: 'parley:content-store-pieces',
    enforce: 'post',
    transform(code, id) {
      if (id !== storeModuleId) return null;
      const file = storeFile();
      const replaced = (file === null ? null : storeReadAtRunTime(code, file)) ?? splitStoreLiteral(code);
      return replaced === null ? null : { code: replaced, map: { mappings: '' } };
    },
  };
}

/** The plugin, told where this build's store file is (Astro's `cacheDir`, once the config is final). */
export function contentStore(): AstroIntegration {
  let storeFile: string | null = null;
  return {
    name: 'parley:content-store',
    hooks: {
      // Only a build reads the store's file when its module runs: a dev server's store lives elsewhere and changes.
      'astro:config:setup': ({ command, updateConfig }) => void updateConfig({ vite: { plugins: [contentStorePieces(() => (command === 'build' ? storeFile : null))] } }),
      'astro:config:done': ({ config }) => void (storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir))),
    },
  };
}
