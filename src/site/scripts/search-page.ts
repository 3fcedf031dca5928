/**
 * The search page's browser script: reads the form, keeps the state in the URL, asks Pagefind
 * (loaded from <base>/pagefind/ as the page loads), and renders results as text. Result excerpts
 * are rebuilt from text and <mark> only, so nothing in an indexed page can become markup here.
 */
import { facetNames, isEmpty, pagefindQuery, readState, writeState, type SearchState } from '../search-state.ts';

interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options: (o: object) => Promise<void>;
  init?: () => Promise<void>;
  preload: (term: string | null, o?: object) => Promise<void>;
  search: (term: string | null, o?: object) => Promise<{ results: { id: string; data: () => Promise<ResultData> }[] } | null>;
}

const pageSize = 20;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = form.querySelector<HTMLInputElement>('#q')!;
const sortSelect = form.querySelector<HTMLSelectElement>('#sort')!;
const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results')!;
const more = document.getElementById('search-more') as HTMLButtonElement;
const root = form.dataset.pagefindRoot!;
const base = form.dataset.base!;

let pagefind: Promise<Pagefind> | null = null;
function load(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${root}pagefind.js`)) as Pagefind;
    await pf.options({ baseUrl: base });
    await pf.init?.();
    return pf;
  })();
  return pagefind;
}

function stateFromForm(): SearchState {
  return readState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
}

function applyToForm(state: SearchState): void {
  input.value = state.q;
  for (const name of facetNames) {
    const select = form.querySelector<HTMLSelectElement>(`#filter-${name}`);
    if (select) select.value = state.filters[name] ?? '';
  }
  sortSelect.value = state.sort;
}

/** Excerpt HTML from Pagefind → text nodes and <mark> elements only. */
function excerptNodes(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const out: Node[] = [];
  for (const node of doc.body.firstElementChild?.childNodes ?? []) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.push(mark);
    } else {
      out.push(document.createTextNode(node.textContent ?? ''));
    }
  }
  return out;
}

function resultItem(d: ResultData): HTMLLIElement {
  const li = document.createElement('li');
  const h = document.createElement('h2');
  h.className = 'meeting-title';
  const a = document.createElement('a');
  a.href = d.url;
  a.textContent = d.meta.title ?? d.url;
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = [d.meta.date, d.meta.place].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  excerpt.append(...excerptNodes(d.excerpt));
  li.append(h, meta, excerpt);
  return li;
}

let generation = 0;
/** The last search was for nothing (an empty box, no filter). */
let searchedNothing = true;
let pending: { id: string; data: () => Promise<ResultData> }[] = [];

async function showMore(mine = generation): Promise<void> {
  const [first, ...rest] = pending.splice(0, pageSize);
  // The first result's excerpt is fetched alone, so it does not queue behind nineteen others in
  // Pagefind's worker; then the rest at once, each shown as soon as it and those above it are in.
  if (first) {
    const d = await first.data();
    if (mine !== generation) return; // a newer search has replaced these results
    list.append(resultItem(d));
  }
  const fetching = rest.map((r) => r.data());
  for (const next of fetching) {
    const d = await next;
    if (mine !== generation) return; // a newer search has replaced these results
    list.append(resultItem(d));
  }
  list.dataset.count = String(list.children.length);
  more.hidden = pending.length === 0;
}

async function run(pushUrl: boolean): Promise<void> {
  const state = stateFromForm();
  const params = writeState(state).toString();
  const url = `${location.pathname}${params ? `?${params}` : ''}`;
  if (pushUrl) history.replaceState(null, '', url);
  const mine = ++generation;
  searchedNothing = isEmpty(state);
  if (searchedNothing) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = 'Type a word or choose a filter.';
    return;
  }
  status.textContent = 'Searching…';
  const pf = await load();
  const { term, options } = pagefindQuery(state);
  const search = await pf.search(term, options);
  if (mine !== generation || !search) return; // a newer search has started
  pending = [...search.results];
  const n = pending.length;
  list.replaceChildren();
  await showMore(mine);
  if (mine !== generation) return;
  // The count is announced once the first results are on the page.
  status.textContent = n === 0 ? '0 meetings found' : `${n} ${n === 1 ? 'meeting' : 'meetings'} found`;
}

// A keystroke after a pause, or into an emptied box, searches at once; keystrokes that follow it
// within the debounce wait for the last one, meanwhile having Pagefind fetch the index chunks
// their words need.
const debounceMs = 60;
let timer: ReturnType<typeof setTimeout> | undefined;
let typedSince = false;
function settle(): void {
  clearTimeout(timer);
  timer = undefined;
  typedSince = false;
}
form.addEventListener('submit', (e) => {
  e.preventDefault();
  settle();
  void run(true);
});
input.addEventListener('input', () => {
  const now = timer === undefined || searchedNothing;
  clearTimeout(timer);
  if (now) {
    typedSince = false;
    void run(true);
  } else {
    typedSince = true;
    const { term, options } = pagefindQuery(stateFromForm());
    if (term) load().then((pf) => pf.preload(term, options)).catch(() => undefined);
  }
  timer = setTimeout(() => {
    const again = typedSince;
    settle();
    if (again) void run(true);
  }, debounceMs);
});
// Fetch Pagefind as the page loads, not on the first keystroke. Its first search would then spend
// ~100 ms building its word segmenter and Unicode tables: have it build them now, with a term that
// is all punctuation, so nothing is fetched.
load().then((pf) => pf.preload('-')).catch(() => undefined);
form.addEventListener('change', (e) => {
  if (e.target !== input) void run(true);
});
form.addEventListener('reset', () => setTimeout(() => void run(true), 0));
more.addEventListener('click', () => void showMore());

const initial = readState(new URLSearchParams(location.search));
applyToForm(initial);
if (!isEmpty(initial)) void run(false);
