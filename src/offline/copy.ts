/**
 * The downloadable copy: the built site rewritten to open from disk (file://). Links under the
 * base path become relative links to files ("../../topics/index.html"), parts that need a server
 * go (the service worker, the web manifest, module scripts, which browsers refuse from file://),
 * and the search page gets the copy's own search, which loads with a classic <script src>.
 *
 * A page may be given as text (a JavaScript string of its characters) or as bytes (`bytesAsText`,
 * a string of its UTF-8 bytes, one character each): every pattern here is plain ASCII, and
 * whitespace in a tag is HTML's (space, tab, line feed, form feed, return), so the patterns match
 * the same places in both; only a link's value is read as characters, decoded from its bytes
 * when it has any beyond ASCII. Bytes skip decoding the page to UTF-16 and encoding it back, and a
 * string of bytes is half the size: at 10,000 meetings 1.0 s less of the copy's 2.4 s. Pure.
 */
import { posix } from 'node:path';
import { detached } from './detached.ts';

/** The files of the copy, as link rewriting asks about them. */
export interface CopyFiles {
  has(path: string): boolean;
}

export interface CopyContext {
  /** the site's base path, "/" or "/archive/" */
  base: string;
  /** every file path of the copy ("meetings/x/index.html"); not changed once links are rewritten (their targets are kept per set) */
  files: CopyFiles;
}

/** How a page's string holds it: as its characters (text), or one character per UTF-8 byte. */
export interface PageForm {
  /** a link's value as characters */
  read(value: string): string;
  /** characters in the page's form */
  write(value: string): string;
}

/** A page as a JavaScript string of its characters. */
export const asText: PageForm = { read: (value) => value, write: (value) => value };

const beyondAscii = /[^\x00-\x7f]/;

/** A page as a string of its UTF-8 bytes (`Buffer#toString('latin1')`, written back with `Buffer.from(page, 'latin1')`). */
export const bytesAsText: PageForm = {
  read: (value) => (beyondAscii.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value),
  write: (value) => (beyondAscii.test(value) ? Buffer.from(value, 'utf8').toString('latin1') : value),
};

/** Where the copy keeps its search files. */
export const copySearchScripts = ['offline/search-index.js', 'offline/search.js'];

/** Files of the built site that the copy leaves out: server-only or online-only. */
export function leftOutOfCopy(path: string): boolean {
  return path.startsWith('pagefind/') || ['sw.js', 'offline.js', 'offline-manifest.json', 'manifest.webmanifest', 'parley-offline.zip'].includes(path);
}

// Where each absolute link leads, per copy (keyed by its file list) and base: the same from every page.
const absoluteTargets = new WeakMap<CopyFiles, { base: string; targets: Map<string, string | null> }>();

/** The file of the copy an inner path (below the base, "topics/x/") names. */
function fileOf(inner: string, files: CopyFiles): string {
  const decoded = decodeURI(inner);
  return chosenFile(decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded, files);
}

/** A link's file, or its folder's index.html when only that is in the copy ("feed" → "feed/index.html"). */
export function chosenFile(file: string, files: CopyFiles): string {
  return !files.has(file) && files.has(`${file}/index.html`) ? `${file}/index.html` : file;
}

function absoluteTarget(path: string, context: CopyContext): string | null {
  let known = absoluteTargets.get(context.files);
  if (known?.base !== context.base) absoluteTargets.set(context.files, (known = { base: context.base, targets: new Map() }));
  let file = known.targets.get(path);
  if (file === undefined) {
    const baseNoSlash = context.base.replace(/\/$/, '');
    file = path === baseNoSlash ? fileOf('', context.files) : path.startsWith(context.base) ? fileOf(path.slice(context.base.length), context.files) : null;
    known.targets.set(detached(path), file);
  }
  return file;
}

// A path with an empty, "." or ".." segment, or a leading or trailing slash: left to posix.relative.
const unclean = /(^|\/)\.\.?(\/|$)|\/\/|^\/|\/$/;

/** posix.relative(fromDir, file), or the file's name when that is empty; without resolving against the working directory. */
export function relativePath(fromDir: string, file: string): string {
  if ((fromDir !== '.' && unclean.test(fromDir)) || unclean.test(file) || file === '') return posix.relative(fromDir, file) || posix.basename(file);
  // Both as folders ("a/b/"), so that the shared part ends at a slash.
  const from = fromDir === '.' ? '' : `${fromDir}/`;
  const to = `${file}/`;
  let shared = 0;
  for (let i = 0; i < from.length && i < to.length && from.charCodeAt(i) === to.charCodeAt(i); i++) if (from.charCodeAt(i) === 0x2f) shared = i + 1;
  let up = 0;
  for (let i = shared; i < from.length; i++) if (from.charCodeAt(i) === 0x2f) up++;
  return `${'../'.repeat(up)}${to.slice(shared)}`.slice(0, -1) || posix.basename(file);
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
  let file: string | null;
  if (path.startsWith('/')) file = absoluteTarget(path, context);
  else {
    let inner = posix.normalize(posix.join(posix.dirname(pagePath), path)) + (path.endsWith('/') || path === '' ? '/' : '');
    if (inner.startsWith('..')) return null;
    if (inner === './') inner = '';
    file = fileOf(inner, context.files);
  }
  if (file === null) return null;
  return encodeURI(relativePath(posix.dirname(pagePath), file)) + suffix;
}

const linkAttribute = /([\t\n\f\r ](?:href|src|action|poster)=)("([^"]*)"|'([^']*)')/g;
const cssUrl = /url\((['"]?)([^)'"]+)\1\)/g;

/** What the copy leaves out: elements found from a text their start tag holds (see `withoutMarked`). */
const onlineElement = /<(p|span|div)\b[^>]*[\t\n\f\r ]data-parley-online\b[^>]*>[\s\S]*?<\/\1>/g;
const onlineScript = /<script\b[^>]*[\t\n\f\r ]data-parley-online\b[^>]*><\/script>/g;
const manifestLink = /<link\b[^>]*\brel="manifest"[^>]*>/g;
const moduleScript = /<script\b[^>]*\btype="module"[^>]*\bsrc="[^"]*"[^>]*><\/script>/g;
const sticky = new Map<RegExp, RegExp>();

/**
 * `page.replace(pattern, '')`, for a pattern whose matches hold `marker` in the start tag they
 * begin with, with no ">" between the "<" and the marker (`<div …marker…>`): a match can then
 * begin only at a "<" after the last ">" before some marker (and after the last match taken), so
 * the pattern is tried at those alone — one or two per marker — rather than from every "<" of the
 * page. Taking them in page order, the first that matches is the leftmost match a global replace
 * finds, so the result is the same in every case.
 */
export function withoutMarked(page: string, marker: string, pattern: RegExp): string {
  let at = sticky.get(pattern);
  if (!at) sticky.set(pattern, (at = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y')));
  let out = '';
  let kept = 0;
  for (let found = page.indexOf(marker); found !== -1; found = page.indexOf(marker, Math.max(found + marker.length, kept))) {
    const from = Math.max(page.lastIndexOf('>', found) + 1, kept);
    for (let start = page.indexOf('<', from); start !== -1 && start < found; start = page.indexOf('<', start + 1)) {
      at.lastIndex = start;
      const match = at.exec(page);
      if (match === null) continue;
      out += page.slice(kept, start);
      kept = start + match[0].length;
      break;
    }
  }
  return kept === 0 ? page : out + page.slice(kept);
}

/** Rewrites every link of an HTML page of the copy, and drops what works only online; `form`: how `html` holds the page. */
export function copyHtml(html: string, pagePath: string, context: CopyContext, form: PageForm = asText): string {
  const rewrite = (value: string) => {
    const rewritten = relativeLink(form.read(value), pagePath, context);
    return rewritten === null ? null : form.write(rewritten);
  };
  // The service worker client, the download link (the copy is that download) and the web manifest.
  let page = withoutMarked(html, 'data-parley-online', onlineElement);
  page = withoutMarked(page, 'data-parley-online', onlineScript);
  page = withoutMarked(page, 'rel="manifest"', manifestLink);
  // Module scripts do not load from file:// (their origin is opaque); the copy works without them.
  page = withoutMarked(page, 'type="module"', moduleScript);
  page = page.replace(linkAttribute, (whole, name: string, _quoted: string, double?: string, single?: string) => {
    const rewritten = rewrite(double ?? single ?? '');
    return rewritten === null ? whole : `${name}"${rewritten}"`;
  });
  // Redirect pages (moved meetings) send the reader on with a meta refresh.
  if (/http-equiv="refresh"/i.test(page)) {
    page = page.replace(/<meta\b[^>]*>/gi, (tag) => !/http-equiv="refresh"/i.test(tag) ? tag : tag.replace(/(content="[\t\n\f\r ]*\d+[\t\n\f\r ]*;[\t\n\f\r ]*url=)([^"]*)"/i, (whole, lead: string, value: string) => {
      const rewritten = rewrite(value);
      return rewritten === null ? whole : `${lead}${rewritten}"`;
    }));
  }
  if (page.includes('url(')) {
    page = page.replace(cssUrl, (whole, _quote: string, value: string) => {
      const rewritten = rewrite(value);
      return rewritten === null ? whole : `url("${rewritten}")`;
    });
  }
  return page;
}

/** The copy's search page: the built search page's frame with the copy's own search in its main (as text or bytes, see PageForm). */
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
  return html.replace(/(<main\b[^>]*>)[\s\S]*<\/main>/, (_whole, open: string) => `${open.replace(/[\t\n\f\r ]data-pagefind-body(="[^"]*")?/, '')}${main}</main>`);
}
