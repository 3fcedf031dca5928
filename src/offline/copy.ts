/**
 * The downloadable copy: the built site rewritten to open from disk (file://). Links under the
 * base path become relative links to files ("../../topics/index.html"), parts that need a server
 * go (the service worker, the web manifest, module scripts, which browsers refuse from file://),
 * and the search page gets the copy's own search, which loads with a classic <script src>. Pure.
 */
import { posix } from 'node:path';

export interface CopyContext {
  /** the site's base path, "/" or "/archive/" */
  base: string;
  /** every file path of the copy ("meetings/x/index.html") */
  files: Set<string>;
}

/** Where the copy keeps its search files. */
export const copySearchScripts = ['offline/search-index.js', 'offline/search.js'];

/** Files of the built site that the copy leaves out: server-only or online-only. */
export function leftOutOfCopy(path: string): boolean {
  return path.startsWith('pagefind/') || ['sw.js', 'offline.js', 'offline-manifest.json', 'manifest.webmanifest', 'parley-offline.zip'].includes(path);
}

/**
 * A link as written in the built page at `pagePath`, as a link relative to that page that names a
 * file; null when it is not a link into the site (another origin, a fragment, a scheme).
 */
export function relativeLink(link: string, pagePath: string, context: CopyContext): string | null {
  if (link === '' || link.startsWith('#') || link.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(link)) return null;
  const suffixAt = link.search(/[?#]/);
  const path = suffixAt === -1 ? link : link.slice(0, suffixAt);
  const suffix = suffixAt === -1 ? '' : link.slice(suffixAt);
  let inner: string;
  const baseNoSlash = context.base.replace(/\/$/, '');
  if (path.startsWith('/')) {
    if (path === baseNoSlash) inner = '';
    else if (path.startsWith(context.base)) inner = path.slice(context.base.length);
    else return null;
  } else {
    inner = posix.normalize(posix.join(posix.dirname(pagePath), path)) + (path.endsWith('/') || path === '' ? '/' : '');
    if (inner.startsWith('..')) return null;
    if (inner === './') inner = '';
  }
  inner = decodeURI(inner);
  let file = inner === '' || inner.endsWith('/') ? `${inner}index.html` : inner;
  if (!context.files.has(file) && context.files.has(`${file}/index.html`)) file = `${file}/index.html`;
  const relative = posix.relative(posix.dirname(pagePath), file) || posix.basename(file);
  return encodeURI(relative) + suffix;
}

const linkAttribute = /(\s(?:href|src|action|poster)=)("([^"]*)"|'([^']*)')/g;
const cssUrl = /url\((['"]?)([^)'"]+)\1\)/g;

/** Rewrites every link of an HTML page of the copy, and drops what works only online. */
export function copyHtml(html: string, pagePath: string, context: CopyContext): string {
  return html
    // The service worker client, the download link (the copy is that download) and the web manifest.
    .replace(/<(p|span|div)\b[^>]*\sdata-parley-online\b[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<script\b[^>]*\sdata-parley-online\b[^>]*><\/script>/g, '')
    .replace(/<link\b[^>]*\brel="manifest"[^>]*>/g, '')
    // Module scripts do not load from file:// (their origin is opaque); the copy works without them.
    .replace(/<script\b[^>]*\btype="module"[^>]*\bsrc="[^"]*"[^>]*><\/script>/g, '')
    .replace(linkAttribute, (whole, name: string, _quoted: string, double?: string, single?: string) => {
      const value = double ?? single ?? '';
      const rewritten = relativeLink(value, pagePath, context);
      return rewritten === null ? whole : `${name}"${rewritten}"`;
    })
    // Redirect pages (moved meetings) send the reader on with a meta refresh.
    .replace(/<meta\b[^>]*>/gi, (tag) => !/http-equiv="refresh"/i.test(tag) ? tag : tag.replace(/(content="\s*\d+\s*;\s*url=)([^"]*)"/i, (whole, lead: string, value: string) => {
      const rewritten = relativeLink(value, pagePath, context);
      return rewritten === null ? whole : `${lead}${rewritten}"`;
    }))
    .replace(cssUrl, (whole, _quote: string, value: string) => {
      const rewritten = relativeLink(value, pagePath, context);
      return rewritten === null ? whole : `url("${rewritten}")`;
    });
}

/** The copy's search page: the built search page's frame with the copy's own search in its main. */
export function copySearchPage(html: string, pagePath: string): string {
  const up = posix.relative(posix.dirname(pagePath), '.') || '.';
  const main = `
<h1>Search</h1>
<form id="offline-search-form" role="search">
  <label for="q">Search the archive</label>
  <input id="q" name="q" type="search" autocomplete="off" />
</form>
<p id="search-status" class="muted" aria-live="polite"></p>
<ol id="search-results" class="meeting-list"></ol>
${copySearchScripts.map((s) => `<script src="${up}/${s}"></script>`).join('\n')}
`;
  return html.replace(/(<main\b[^>]*>)[\s\S]*<\/main>/, (_whole, open: string) => `${open.replace(/\sdata-pagefind-body(="[^"]*")?/, '')}${main}</main>`);
}
