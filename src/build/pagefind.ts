/**
 * Indexes the site with Pagefind's Node API, fed the meeting pages (the pages that carry
 * data-pagefind-body) as Astro renders them. Every response's errors fail the build, and the
 * caller closes the index whatever happens.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { servedPath } from '../offline/precache.ts';
import { InFlight } from './in-flight.ts';

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`pagefind ${step} failed:\n${errors.join('\n')}`, { cause: errors });
}

/** Pages sent to Pagefind and not yet answered, past which `add` waits: its requests queue in this process's memory. */
const addsInFlight = 64;

/**
 * A Pagefind index fed meeting pages while Astro renders the rest, so Pagefind reads them on
 * the core Astro leaves free. Pagefind's index depends on the order pages are added, and pages
 * finish rendering in an order that varies from run to run: each comes with its place in the
 * order the build starts them (`order`, 0, 1, 2 …) and is added in that order, held until those
 * before it have come. `write` adds whatever is still held, in order, and writes the index.
 */
export interface PagefindFeed {
  /** `content`: what Pagefind reads of the page, the page's HTML or its `indexedPart`. */
  add(order: number, file: string, content: string): Promise<void> | void;
  write<T>(outDir: string, alongside?: () => Promise<T>): Promise<{ pages: number; alongside?: T }>;
  close(): Promise<void>;
}

/**
 * Pagefind's files, written by this thread: its own writeFiles creates them from a pool of some
 * 190 threads, which contend for the folder (8,964 fragments in one): alone, 4.5–7.7 s at 10,000
 * meetings against 4.4–4.7 s for getFiles and 0.2–0.4 s to write them here; in the build, the
 * step after Astro 7.5–7.8 s against 8.0–8.1 s (back-to-back runs). The same bytes.
 */
function writeIndexFiles(outputPath: string, files: { path: string; content: Uint8Array }[]): void {
  const folders = new Set<string>();
  for (const file of files) {
    const path = join(outputPath, file.path);
    const folder = dirname(path);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(path, file.content);
  }
}

export async function startPagefindFeed(): Promise<PagefindFeed> {
  const created = await pagefind.createIndex({ forceLanguage: 'en' });
  check('createIndex', created.errors);
  const index = created.index!;
  const held = new Map<number, { url: string; content: string }>();
  const errors: string[] = [];
  const answered: Promise<unknown>[] = [];
  let next = 0;
  let pages = 0;
  const adds = new InFlight(addsInFlight);
  const send = (page: { url: string; content: string }) => {
    adds.started();
    const answer = index.addHTMLFile(page).then(
      (added) => {
        errors.push(...added.errors);
        if (added.errors.length === 0) pages++;
      },
      (error: unknown) => void errors.push(`${page.url}: ${String(error)}`),
    ).finally(() => adds.finished());
    answered.push(answer);
  };
  return {
    add(order, file, content) {
      // The URL Pagefind gives the file when it reads the built folder: "/meetings/x/".
      held.set(order, { url: `/${servedPath(file)}`, content });
      for (let page = held.get(next); page; page = held.get(next)) {
        held.delete(next++);
        send(page);
      }
      return adds.wait();
    },
    async write(outDir, alongside) {
      // Pages whose turn never came (one before them was not rendered): in order all the same.
      for (const order of [...held.keys()].sort((a, b) => a - b)) send(held.get(order)!);
      held.clear();
      const besides = alongside?.();
      besides?.catch(() => {}); // awaited below
      try {
        await Promise.all(answered);
        check('addHTMLFile', errors);
        if (pages === 0) throw new Error(`pagefind was given no pages to index for ${outDir}`);
        const made = await index.getFiles();
        check('getFiles', made.errors);
        writeIndexFiles(join(outDir, 'pagefind'), made.files);
        return { pages, alongside: await besides };
      } catch (error) {
        await besides?.catch(() => {});
        throw error;
      }
    },
    async close() {
      await pagefind.close();
    },
  };
}
