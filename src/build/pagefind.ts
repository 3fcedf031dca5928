/**
 * Indexes the site with Pagefind's Node API, fed the meeting pages (the pages that carry
 * data-pagefind-body) as Astro renders them. Every response's errors fail the build, and the
 * caller closes the index whatever happens.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { indexedPart } from '../offline/indexed-part.ts';
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
  add(order: number, file: string, bytes: Uint8Array): Promise<void> | void;
  write<T>(outDir: string, alongside?: () => Promise<T>): Promise<{ pages: number; alongside?: T }>;
  close(): Promise<void>;
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
    add(order, file, bytes) {
      // The URL Pagefind gives the file when it reads the built folder: "/meetings/x/"; of the
      // page, the part it reads (the same index for less parsing), else all of it.
      const html = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
      held.set(order, { url: `/${servedPath(file)}`, content: indexedPart(html) ?? html });
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
        const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
        check('writeFiles', written.errors);
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
