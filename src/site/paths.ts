/**
 * Where things live on the site: every internal link goes through `sitePath` so BASE_PATH is
 * honoured everywhere, and every absolute URL (canonical, feeds, sitemap, JSON) through `absoluteUrl`.
 */
// Every link of every page goes through here, with one base or two: each normalised once.
const normalisedBases = new Map<string | undefined, string>();

/** "/archive" or "/archive/" or "" → "/archive/"; "/" stays "/". */
export function normaliseBase(base: string | undefined): string {
  let normalised = normalisedBases.get(base);
  if (normalised === undefined) {
    const trimmed = (base ?? '/').trim();
    normalised = `/${trimmed.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
    normalisedBases.set(base, normalised);
  }
  return normalised;
}

/** A path inside the site ("meetings/x/") under the base ("/archive/meetings/x/"). */
export function sitePath(base: string, path: string): string {
  return `${normaliseBase(base)}${path.replace(/^\/+/, '')}`;
}

/** The absolute URL of a path inside the site: SITE_URL origin + base + path. */
export function absoluteUrl(site: string, base: string, path: string): string {
  return new URL(sitePath(base, path), site).href;
}

/** Only http(s) URLs become links; anything else (javascript:, data:, relative) is dropped. */
export function webUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A URL-safe id from a name ("São Paulo" → "sao-paulo"); names with no Latin letters get a short hash. */
export function slugId(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii || `x-${fnv1a(name)}`;
}

/** A short, stable hash (FNV-1a, 32 bits) that runs anywhere, browser included. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export const routes = {
  home: () => '',
  meeting: (slug: string) => `meetings/${slug}/`,
  topics: () => 'topics/',
  topic: (slug: string, page = 1) => (page > 1 ? `topics/${slug}/${page}/` : `topics/${slug}/`),
  topicFeed: (slug: string) => `topics/${slug}/feed.xml`,
  people: () => 'people/',
  person: (id: string, page = 1) => (page > 1 ? `people/${id}/${page}/` : `people/${id}/`),
  places: () => 'places/',
  place: (id: string, page = 1) => (page > 1 ? `places/${id}/${page}/` : `places/${id}/`),
  years: () => 'years/',
  year: (year: string, page = 1) => (page > 1 ? `years/${year}/${page}/` : `years/${year}/`),
  search: () => 'search/',
  feed: () => 'feed.xml',
  json: () => 'meetings.json',
  sitemapIndex: () => 'sitemap-index.xml',
  sitemap: () => 'sitemap-0.xml',
};
