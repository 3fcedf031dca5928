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

/**
 * A growing column of 32-bit integers. The index's postings (a form on a page, with its weights)
 * are kept as four of these rather than an array each: at 10,000 meetings there are some 860,000,
 * and as small arrays they were most of what each full garbage collection of the copy's thread
 * traced (a quarter of a second each, one every 600 pages or so as pages' buffers came and went).
 */
class IntColumn {
  values = new Int32Array(1 << 12);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/**
 * The index, built a page at a time: `add` each page, then `finish`. Pages may come in any order
 * (the build hands them over as Astro renders them): `finish` lays the index out by each page's
 * key, with forms numbered as they first appear in that order, so the same pages give the same
 * index whatever order they came in.
 */
export class SearchIndexBuilder {
  private readonly forms: string[][] = [];
  /** Each page's forms with their weights, in the order pages were added (a page's own in the order it first uses them). */
  private readonly postings = { form: new IntColumn(), page: new IntColumn(), whole: new IntColumn(), part: new IntColumn() };
  /** `postings`: where the page's postings start; they end where the next page's start. */
  private readonly pages: { key: string; page: SearchIndex['pages'][number]; postings: number }[] = [];
  private readonly formIds = new Map<string, number>();
  /** written word → its form's id; and its form, for meta fields */
  private readonly formIdOfWord = new Map<string, number>();
  private readonly formOfWord = new Map<string, string[]>();
  /** Per form, the page that last used it and that page's sums of weights: reused page after page. */
  private readonly lastPage: number[] = [];
  private readonly wholeSum: number[] = [];
  private readonly partSum: number[] = [];

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
      this.lastPage.push(-1);
      this.wholeSum.push(0);
      this.partSum.push(0);
    }
    this.formIdOfWord.set(detached(raw), id);
    return id;
  }

  /** `key` orders the pages of the finished index (default: the page's URL). */
  add(page: PageText, key: string = page.url): void {
    const p = this.pages.length;
    // Per form, in the order the page first uses it: the weight of the whole and of each part.
    const used: number[] = [];
    for (const { text, weight } of page.words) {
      const id = this.formIdOf(text);
      const parts = this.forms[id]!.length - 1;
      const partWeight = parts > 0 && weight > 0 ? Math.max(1, Math.floor(weight / parts)) : 0;
      if (this.lastPage[id] !== p) {
        this.lastPage[id] = p;
        this.wholeSum[id] = weight;
        this.partSum[id] = partWeight;
        used.push(id);
      } else {
        this.wholeSum[id] = this.wholeSum[id]! + weight;
        this.partSum[id] = this.partSum[id]! + partWeight;
      }
    }
    for (const id of used) {
      this.postings.form.push(id);
      this.postings.page.push(p);
      this.postings.whole.push(this.wholeSum[id]!);
      this.postings.part.push(this.partSum[id]!);
    }
    const meta = Object.fromEntries(Object.entries(page.meta).map(([field, value]) => [field, detached(value)]));
    this.pages.push({ key: detached(key), page: { url: detached(page.url), meta, length: page.words.length }, postings: this.postings.form.length - used.length });
  }

  finish(): SearchIndex {
    const order = this.pages.map((_, i) => i).sort((a, b) => (this.pages[a]!.key < this.pages[b]!.key ? -1 : this.pages[a]!.key > this.pages[b]!.key ? 1 : a - b));
    const pageAt = new Int32Array(order.length);
    order.forEach((added, at) => (pageAt[added] = at));
    const formAt = new Int32Array(this.forms.length).fill(-1);
    const forms: string[][] = [];
    const { form, page, whole, part } = this.postings;
    for (const added of order) {
      const end = this.pages[added + 1]?.postings ?? form.length;
      for (let i = this.pages[added]!.postings; i < end; i++) {
        const id = form.values[i]!;
        if (formAt[id]! < 0) { formAt[id] = forms.length; forms.push(this.forms[id]!); }
      }
    }
    const formPages: [number, number, number][][] = forms.map(() => []);
    for (let i = 0; i < form.length; i++) formPages[formAt[form.values[i]!]!]!.push([pageAt[page.values[i]!]!, whole.values[i]!, part.values[i]!]);
    for (const list of formPages) list.sort((a, b) => a[0] - b[0]);
    const words: Record<string, number[]> = Object.create(null);
    forms.forEach((form, id) => { for (const w of new Set(form)) if (w) (words[w] ??= []).push(id); });
    const pages = order.map((added) => this.pages[added]!.page);
    const metaWords: Record<string, [number, string][]> = Object.create(null);
    pages.forEach((page, p) => {
      for (const field of Object.keys(page.meta).sort()) {
        const seen = new Set<string>();
        for (const raw of page.meta[field]!.split(/\s+/)) for (const w of this.formOf(raw)) {
          if (!w || seen.has(w)) continue;
          seen.add(w);
          (metaWords[w] ??= []).push([p, field]);
        }
      }
    });
    const total = pages.reduce((sum, p) => sum + p.length, 0);
    return { pages, averageLength: pages.length ? total / pages.length : 0, forms, formPages, words, metaWords };
  }
}

export function buildSearchIndex(pages: PageText[]): SearchIndex {
  const builder = new SearchIndexBuilder();
  for (const page of pages) builder.add(page);
  return builder.finish();
}
