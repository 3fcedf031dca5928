/**
 * Builds the copy's search index the way Pagefind's indexer (fossick) indexes: Snowball stems,
 * compound words indexed whole and in parts (parts at a share of the weight), weights in 24ths,
 * the words of meta fields. Build side only (search-engine.ts searches the index in the browser).
 * Pages are added one at a time, so a build holds the index and never every page's words; each
 * distinct written word is turned into its stems once. Pure.
 */
import { detached } from './detached.ts';
import { foldDiacritics, includeCharacters, type PageText, type SearchIndex } from './search-engine.ts';
import { stem } from './stem.ts';

const wordChar = /[\p{Alphabetic}\p{N}]/u;
const asciiPunctuation = /[!-/:-@[-`{-~]/g;

/** Splits like Pagefind's discrete words: punctuation, camelCase, letter-digit and acronym boundaries. */
function discreteWords(raw: string): string[] {
  return raw
    .replace(asciiPunctuation, ' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
}

/** What one written word indexes as: [whole stem or "", ...part stems] (Pagefind's indexable words). */
export function indexForm(raw: string): string[] {
  let normalized = '';
  for (const c of raw) if (wordChar.test(c) || includeCharacters.includes(c)) normalized += c.toLowerCase();
  const whole = normalized ? stem(foldDiacritics(normalized)) : '';
  const compound = [...raw].some((c) => !wordChar.test(c)) || [...raw].slice(1).some((c) => /\p{Uppercase}/u.test(c));
  if (!compound || !normalized) return [whole];
  const parts = discreteWords(raw);
  const joined = parts.join(' ');
  if (!joined.includes(' ') && normalized.startsWith(joined)) return [whole];
  // Parts of one byte are not indexed.
  return [whole, ...parts.filter((p) => p.length > 1 || p.charCodeAt(0) > 0x7f).map((p) => stem(foldDiacritics(p)))];
}

/** The index, built a page at a time: `add` each page in the index's order, then `finish`. */
export class SearchIndexBuilder {
  private readonly forms: string[][] = [];
  private readonly formPages: [number, number, number][][] = [];
  private readonly words: Record<string, number[]> = Object.create(null);
  private readonly metaWords: Record<string, [number, string][]> = Object.create(null);
  private readonly pages: SearchIndex['pages'] = [];
  private readonly formIds = new Map<string, number>();
  /** written word → its form's id; and its form, for meta fields */
  private readonly formIdOfWord = new Map<string, number>();
  private readonly formOfWord = new Map<string, string[]>();

  private formOf(raw: string): string[] {
    let form = this.formOfWord.get(raw);
    if (form === undefined) {
      form = indexForm(raw);
      this.formOfWord.set(detached(raw), form);
    }
    return form;
  }

  private formIdOf(raw: string): number {
    let id = this.formIdOfWord.get(raw);
    if (id !== undefined) return id;
    const form = this.formOf(raw);
    const key = form.join(' ');
    id = this.formIds.get(key);
    if (id === undefined) {
      id = this.forms.length;
      this.formIds.set(key, id);
      this.forms.push(form);
      this.formPages.push([]);
      for (const w of new Set(form)) if (w) (this.words[w] ??= []).push(id);
    }
    this.formIdOfWord.set(detached(raw), id);
    return id;
  }

  add(page: PageText): void {
    const p = this.pages.length;
    const weights = new Map<number, [number, number]>();
    for (const { text, weight } of page.words) {
      const id = this.formIdOf(text);
      const parts = this.forms[id]!.length - 1;
      const partWeight = parts > 0 && weight > 0 ? Math.max(1, Math.floor(weight / parts)) : 0;
      const sum = weights.get(id);
      if (sum === undefined) weights.set(id, [weight, partWeight]);
      else { sum[0] += weight; sum[1] += partWeight; }
    }
    for (const [id, [whole, part]] of [...weights].sort((a, b) => a[0] - b[0])) this.formPages[id]!.push([p, whole, part]);
    for (const field of Object.keys(page.meta).sort()) {
      const seen = new Set<string>();
      for (const raw of page.meta[field]!.split(/\s+/)) for (const w of this.formOf(raw)) {
        if (!w || seen.has(w)) continue;
        seen.add(w);
        (this.metaWords[w] ??= []).push([p, field]);
      }
    }
    const meta = Object.fromEntries(Object.entries(page.meta).map(([field, value]) => [field, detached(value)]));
    this.pages.push({ url: detached(page.url), meta, length: page.words.length });
  }

  finish(): SearchIndex {
    const { pages, forms, formPages, words, metaWords } = this;
    const total = pages.reduce((sum, p) => sum + p.length, 0);
    return { pages, averageLength: pages.length ? total / pages.length : 0, forms, formPages, words, metaWords };
  }
}

export function buildSearchIndex(pages: PageText[]): SearchIndex {
  const builder = new SearchIndexBuilder();
  for (const page of pages) builder.add(page);
  return builder.finish();
}
