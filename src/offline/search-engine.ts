/**
 * A small full-text search engine for the downloadable copy, which opens from file:// where
 * Pagefind's fetch and WebAssembly cannot load. It ranks the way Pagefind 1.x does (its
 * pagefind_web search.rs): Snowball stems, prefix matching with a word-length bonus, every
 * query word required, BM25 over heading-weighted term counts, and a boost for words in meta
 * fields (title weighs 5). Self-contained apart from the stemmer: bundle.ts ships both to the
 * browser as one classic script.
 */
import { stem } from './stem.ts';

/** One indexed page as the indexer sees it: words in reading order with their weights. */
export interface PageText {
  url: string;
  meta: Record<string, string>;
  words: { text: string; weight: number }[];
}

/** The index, plain data: written as JSON into a script file. */
export interface SearchIndex {
  pages: { url: string; meta: Record<string, string>; length: number }[];
  averageLength: number;
  /** stem → [page, weighted count] pairs */
  words: Record<string, [number, number][]>;
  /** stem → [page, meta field] pairs: the words of each page's meta fields */
  metaWords: Record<string, [number, string][]>;
  /** joined stem of a compound ("scoafghanistan") → its parts' stems, and its weighted count per page */
  compounds: Record<string, { parts: string[]; pages: [number, number][] }>;
}

export interface SearchHit {
  url: string;
  meta: Record<string, string>;
  score: number;
}

/** Pagefind's default ranking weights (termSimilarity, pageLength, termSaturation, termFrequency, metaWeights). */
export const ranking = { termSimilarity: 1.0, pageLength: 0.75, termSaturation: 1.4, termFrequency: 1.0, metaWeights: { title: 5.0 } as Record<string, number> };

/** Lower case, accents folded, only letters and digits kept. */
export function normalizeWord(raw: string): string {
  return raw.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, '');
}

/**
 * The index words of one raw word: its joined form and, when punctuation splits it ("co-operation",
 * "Russia’s"), each part, all at one position as Pagefind does.
 */
export function indexWords(raw: string): string[] {
  const joined = normalizeWord(raw);
  if (!joined) return [];
  const parts = raw.split(/[^\p{L}\p{N}_]+/u).map(normalizeWord).filter(Boolean);
  const all = [joined, ...(parts.length > 1 ? parts : [])].map(stem);
  return [...new Set(all)];
}

export function buildSearchIndex(pages: PageText[]): SearchIndex {
  const words: Record<string, [number, number][]> = Object.create(null);
  const metaWords: Record<string, [number, string][]> = Object.create(null);
  const compounds: SearchIndex['compounds'] = Object.create(null);
  const out: SearchIndex['pages'] = [];
  pages.forEach((page, p) => {
    const counts = new Map<string, number>();
    const compoundCounts = new Map<string, number>();
    let length = 0;
    for (const { text, weight } of page.words) {
      const forms = indexWords(text);
      if (forms.length === 0) continue;
      length++;
      if (forms.length > 1) {
        compounds[forms[0]!] ??= { parts: forms.slice(1), pages: [] };
        compoundCounts.set(forms[0]!, (compoundCounts.get(forms[0]!) ?? 0) + weight);
      }
      for (const form of forms) counts.set(form, (counts.get(form) ?? 0) + weight);
    }
    for (const [form, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) (words[form] ??= []).push([p, Math.round(count * 100) / 100]);
    for (const [form, count] of [...compoundCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) compounds[form]!.pages.push([p, Math.round(count * 100) / 100]);
    for (const field of Object.keys(page.meta).sort()) {
      const seen = new Set<string>();
      for (const raw of page.meta[field]!.split(/\s+/)) for (const form of indexWords(raw)) {
        if (seen.has(form)) continue;
        seen.add(form);
        (metaWords[form] ??= []).push([p, field]);
      }
    }
    out.push({ url: page.url, meta: page.meta, length });
  });
  const total = out.reduce((sum, p) => sum + p.length, 0);
  return { pages: out, averageLength: out.length ? total / out.length : 0, words, metaWords, compounds };
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
  const found: string[] = [];
  let longestPrefix = '';
  for (const word of Object.keys(index.words).concat(Object.keys(index.metaWords))) {
    if (word.startsWith(term)) found.push(word);
    else if (term.startsWith(word) && word.length > longestPrefix.length) longestPrefix = word;
  }
  return [...new Set(found.length ? found : longestPrefix ? [longestPrefix] : [])];
}

/** Ranked pages that contain every word of the query (as a word or a word's prefix). */
export function search(index: SearchIndex, query: string): SearchHit[] {
  const terms = query.split(/\s+/).map(normalizeWord).filter(Boolean).map(stem);
  if (terms.length === 0) return [];
  const total = index.pages.length;
  let candidates: Set<number> | null = null;
  const perTerm = terms.map((term) => {
    const forms = extensions(index, term);
    const pages = new Set<number>();
    for (const form of forms) {
      for (const [p] of index.words[form] ?? []) pages.add(p);
      for (const [p] of index.metaWords[form] ?? []) pages.add(p);
    }
    candidates = candidates === null ? pages : new Set([...candidates].filter((p) => pages.has(p)));
    return { term, forms, pageCount: pages.size };
  });
  const queryIdf = perTerm.reduce((sum, t) => sum + idf(total, t.pageCount), 0);
  const hits: SearchHit[] = [];
  for (const p of candidates ?? new Set<number>()) {
    const page = index.pages[p]!;
    let score = 0;
    const metaMatches = new Map<string, Map<string, number>>();
    for (const t of perTerm) {
      const matched = new Set(t.forms);
      for (const form of t.forms) {
        // A compound counts once per query word, as Pagefind counts a position once: through its
        // part when a part matches too ("sco" in "SCO-Afghanistan"), not again as the joined word.
        const compound = index.compounds[form];
        const overlap = compound && compound.parts.some((part) => matched.has(part)) ? (compound.pages.find(([q]) => q === p)?.[1] ?? 0) : 0;
        const bonus = lengthBonus(Math.abs(form.length - t.term.length) + 1);
        const entry = (index.words[form] ?? []).find(([q]) => q === p);
        const weighted = (entry?.[1] ?? 0) - overlap;
        if (weighted > 0) score += bm25(weighted * bonus, page.length, index.averageLength, total, t.pageCount);
        for (const [q, field] of index.metaWords[form] ?? []) {
          if (q !== p) continue;
          const fieldWords = metaMatches.get(field) ?? new Map<string, number>();
          fieldWords.set(form, idf(total, t.pageCount));
          metaMatches.set(field, fieldWords);
        }
      }
    }
    for (const [field, fieldWords] of metaMatches) {
      const matched = [...fieldWords.values()].reduce((a, b) => a + b, 0);
      const coverage = queryIdf > 0 ? matched / queryIdf : 0;
      score += (ranking.metaWeights[field] ?? 1) * matched * coverage * coverage;
    }
    hits.push({ url: page.url, meta: page.meta, score });
  }
  // Ties keep index order, so the result is the same in every browser.
  return hits.sort((a, b) => b.score - a.score || index.pages.findIndex((x) => x.url === a.url) - index.pages.findIndex((x) => x.url === b.url));
}
