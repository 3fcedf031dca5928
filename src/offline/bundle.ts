/**
 * Builds the copy's classic scripts. The engine is TypeScript with no imports but the stemmer;
 * Node's own type stripping turns both into JavaScript, and they are joined into one function
 * scope with the search page's code, so they load from file:// with a plain <script src>.
 */
import { readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import type { SearchIndex } from './search-engine.ts';

const here = new URL('.', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, here), 'utf8');

/** Node's type stripping, without its one-off "experimental" notice in every build's output. */
function stripTypes(typescript: string): string {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (!String(warning).includes('stripTypeScriptTypes')) (emitWarning as (...a: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return stripTypeScriptTypes(typescript, { mode: 'strip' });
  } finally {
    process.emitWarning = emitWarning;
  }
}

function asScriptBody(typescript: string): string {
  return stripTypes(typescript)
    .replace(/^import\s[^;]*;\s*$/gm, '')
    .replace(/^export\s+(?=(?:const|function|let|class)\b)/gm, '');
}

/** offline/search.js: the stemmer, the engine and the search page, one classic script. */
export function searchScript(): string {
  return [
    '// Parley offline search: the downloaded copy\'s search engine and page (generated).',
    '(function () {',
    '"use strict";',
    asScriptBody(read('stem.ts')),
    asScriptBody(read('search-engine.ts')),
    read('search-page.js'),
    '})();',
    '',
  ].join('\n');
}

/** offline/search-index.js: the index as a global, loaded before search.js. */
export function searchIndexScript(index: SearchIndex): string {
  return `// Parley offline search index (generated).\nwindow.PARLEY_SEARCH_INDEX = ${JSON.stringify(index)};\n`;
}
