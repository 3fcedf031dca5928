/**
 * Pages as Astro renders them, for whoever listens while the build runs in this process: the
 * offline copy and Pagefind (src/build/finish.ts) take each page while Astro renders the rest,
 * instead of reading them all once the build is done. src/middleware.ts tells the listener of
 * every HTML page it lets through, by the file Astro writes it to, and leaves the response
 * alone; the listener reads the page once Astro has written it (page-writes.ts). With no
 * listener (`astro dev`, a plain `astro build`) the middleware does nothing.
 */

/** A meeting's page: its place in the order the build renders them (pages finish in another order when several render at once), of how many meeting pages. */
export interface MeetingPageOrder {
  order: number;
  of: number;
}

/**
 * `file`: where Astro writes the page, as in the built site ("meetings/x/index.html");
 * `meeting`: for a meeting's page, its order, else null.
 */
export type RenderedPageListener = (file: string, meeting: MeetingPageOrder | null) => void;

/** One page Astro has written, as astro-process.ts tells the build's parent process of it. */
export interface WrittenPage {
  file: string;
  meeting: MeetingPageOrder | null;
}

// On globalThis: the middleware runs from Astro's bundle of the site, a module graph of its own.
const slot = Symbol.for('parley.renderedPageListener');
type Holder = { [slot]?: RenderedPageListener };

export function listenToRenderedPages(listener: RenderedPageListener | null): void {
  if (listener) (globalThis as Holder)[slot] = listener;
  else delete (globalThis as Holder)[slot];
}

export function renderedPageListener(): RenderedPageListener | undefined {
  return (globalThis as Holder)[slot];
}

/**
 * The file a page's URL path is written to with `build.format: 'directory'`
 * ("/archive/meetings/x/" → "meetings/x/index.html", "/archive/404" → "404.html"); null for a
 * path outside `base` or one that is not plain (a listener checks the file anyway).
 */
export function builtFileOf(pathname: string, base: string): string | null {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(root) && `${pathname}/` !== root) return null;
  let inner: string;
  try {
    inner = decodeURI(pathname.slice(root.length));
  } catch {
    return null;
  }
  if (inner.split('/').some((segment) => segment === '.' || segment === '..')) return null;
  if (inner === '' || inner.endsWith('/')) return `${inner}index.html`;
  return /\.[a-z0-9]+$/i.test(inner) ? inner : `${inner}.html`;
}
