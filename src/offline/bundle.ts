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

function asScriptBody(typescript: string): string {
  return stripTypeScriptTypes(typescript, { mode: 'strip' })
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
