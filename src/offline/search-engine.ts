/**
 * A small full-text search engine for the downloadable copy, which opens from file:// where
 * Pagefind's fetch and WebAssembly cannot load. It searches an index built the way Pagefind 1.x
 * indexes (search-index.ts) and ranks the way Pagefind does (pagefind_web search.rs): every query
 * word required, prefix matching with a word-length bonus, BM25 over weighted counts, and a boost
 * for query words in meta fields (title weighs 5). Self-contained apart from the stemmer:
 * bundle.ts ships both to the browser as one classic script.
 */
import { stem } from './stem.ts';

/** One indexed page as the indexer reads it: words in reading order, weights in 24ths. */
export interface PageText {
  url: string;
  meta: Record<string, string>;
  words: { text: string; weight: number }[];
}

/**
 * The index, plain data (written as JSON into a script file). A "form" is what one written word
 * indexes as: its stem and, for a compound ("Asia-Pacific", "NationsShanghai"), its parts' stems.
 */
export interface SearchIndex {
  pages: { url: string; meta: Record<string, string>; length: number }[];
  averageLength: number;
  /** each distinct form: [whole stem or "" when the word has no letters or digits, ...part stems] */
  forms: string[][];
  /** per form: [page, weight of the whole (24ths), weight of each part (24ths)] */
  formPages: [number, number, number][][];
  /** stem → the forms it appears in */
  words: Record<string, number[]>;
  /** stem → [page, meta field] pairs: the words of each page's meta fields */
  metaWords: Record<string, [number, string][]>;
}

export interface SearchHit {
  url: string;
  meta: Record<string, string>;
  score: number;
}

/** Pagefind's default ranking weights (termSimilarity, pageLength, termSaturation, termFrequency, metaWeights). */
export const ranking = { termSimilarity: 1.0, pageLength: 0.75, termSaturation: 1.4, termFrequency: 1.0, metaWeights: { title: 5.0 } as Record<string, number> };

// Characters Pagefind keeps inside words besides letters and digits (pagefind-entry.json's include_characters).
export const includeCharacters = '_\u203F\u2040\u2054\uFE33\uFE34\uFE4D\uFE4E\uFE4F\uFF3F';

export function foldDiacritics(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** A query as Pagefind's browser code prepares it: punctuation dropped, lower case, accents folded, stemmed. */
export function queryTerms(query: string): string[] {
  let kept = '';
  for (const c of query) {
    if (includeCharacters.includes(c)) kept += c;
    else if (!/^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u.test(c)) kept += c.toLocaleLowerCase();
  }
  return kept.replace(/\s{2,}/g, ' ').trim().split(' ').map(foldDiacritics).filter(Boolean).map(stem);
}

function idf(totalPages: number, pagesWithTerm: number): number {
  return Math.log((totalPages - pagesWithTerm + 0.5) / (pagesWithTerm + 0.5) + 1);
}

function lengthBonus(differential: number): number {
  const base = Math.exp((-0.5 * differential * differential) / 4);
  return Math.exp(base * ranking.termSimilarity) / Math.exp(ranking.termSimilarity);
}

function bm25(weighted: number, pageLength: number, averageLength: number, totalPages: number, pagesWithTerm: number): number {
  const k1 = ranking.termSaturation;
  const b = ranking.pageLength;
  const tf = ((k1 + 1) * weighted) / (k1 * (1 - b + b * (pageLength / averageLength)) + weighted);
  const rawTf = Math.min(weighted / (averageLength / 5), k1 + 1);
  return idf(totalPages, pagesWithTerm) * ((1 - ranking.termFrequency) * rawTf + ranking.termFrequency * tf);
}

/** Index words that start with the term; failing those, the longest index word the term starts with. */
function extensions(index: SearchIndex, term: string): string[] {
  const found = new Set<string>();
  let longestPrefix = '';
  for (const word of Object.keys(index.words).concat(Object.keys(index.metaWords))) {
    if (word.startsWith(term)) found.add(word);
    else if (term.startsWith(word) && word.length > longestPrefix.length) longestPrefix = word;
  }
  return found.size ? [...found] : longestPrefix ? [longestPrefix] : [];
}

/** Ranked pages that contain every word of the query (as a word or a word's prefix). */
export function search(index: SearchIndex, query: string): SearchHit[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const total = index.pages.length;
  let candidates: Set<number> | null = null;
  const perTerm = terms.map((term) => {
    const matched = new Set(extensions(index, term));
    const pages = new Set<number>();
    const formIds = new Set<number>();
    for (const w of matched) {
      for (const id of index.words[w] ?? []) {
        formIds.add(id);
        for (const [p] of index.formPages[id]!) pages.add(p);
      }
      for (const [p] of index.metaWords[w] ?? []) pages.add(p);
    }
    candidates = candidates === null ? pages : new Set([...candidates].filter((p) => pages.has(p)));
    return { term, matched, formIds, pageCount: pages.size };
  });
  const queryIdf = perTerm.reduce((sum, t) => sum + idf(total, t.pageCount), 0);
  const found: Set<number> = candidates ?? new Set<number>();
  // Each written word counts once per query word (whole or part: of the matching words at one
  // place, Pagefind counts the first in its sorted word list); each matched word then scores by BM25.
  const weighted = new Map<number, Map<string, { weight: number; term: (typeof perTerm)[number] }>>();
  for (const t of perTerm) {
    for (const id of t.formIds) {
      let word: string | null = null;
      let isWhole = false;
      index.forms[id]!.forEach((w, i) => {
        if (w && t.matched.has(w) && (word === null || w < word)) { word = w; isWhole = i === 0; }
      });
      if (word === null) continue;
      for (const [p, whole, part] of index.formPages[id]!) {
        if (!found.has(p)) continue;
        const words = weighted.get(p) ?? new Map();
        weighted.set(p, words);
        const current = words.get(word) ?? { weight: 0, term: t };
        current.weight += isWhole ? whole : part;
        words.set(word, current);
      }
    }
  }
  const metaMatches = new Map<number, Map<string, Map<string, number>>>();
  for (const t of perTerm) for (const w of t.matched) for (const [p, field] of index.metaWords[w] ?? []) {
    if (!found.has(p)) continue;
    const fields = metaMatches.get(p) ?? new Map<string, Map<string, number>>();
    metaMatches.set(p, fields);
    const fieldWords = fields.get(field) ?? new Map<string, number>();
    fields.set(field, fieldWords);
    fieldWords.set(w, idf(total, t.pageCount));
  }
  const order = new Map(index.pages.map((p, i) => [p.url, i]));
  const hits: SearchHit[] = [];
  for (const p of found) {
    const page = index.pages[p]!;
    let score = 0;
    for (const [word, { weight, term }] of weighted.get(p) ?? []) {
      const bonus = lengthBonus(Math.abs(word.length - term.term.length) + 1);
      score += bm25((weight / 24) * bonus, page.length, index.averageLength, total, term.pageCount);
    }
    for (const [field, fieldWords] of metaMatches.get(p) ?? []) {
      const matchedIdf = [...fieldWords.values()].reduce((a, b) => a + b, 0);
      const coverage = queryIdf > 0 ? matchedIdf / queryIdf : 0;
      score += (ranking.metaWeights[field] ?? 1) * matchedIdf * coverage * coverage;
    }
    hits.push({ url: page.url, meta: page.meta, score });
  }
  // Ties keep index order, so every browser gives the same order.
  return hits.sort((a, b) => b.score - a.score || order.get(a.url)! - order.get(b.url)!);
}
