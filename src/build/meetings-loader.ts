/**
 * The content loader of the meetings collection: each `<slug>.md` of the converter's folder
 * becomes an entry with its validated frontmatter and its Markdown body, and nothing more.
 *
 * Astro's glob loader also renders every body to HTML and keeps that in the collection store.
 * The site never uses it (the meeting page renders the body's sections itself, see
 * src/site/source-text.ts), and at 10,000 meetings that HTML was a third of the store: rendered
 * while the content synced, serialised, bundled as a module and parsed again before the first
 * page. Frontmatter and body are read as gray-matter reads them (frontmatter-reader.ts for files as
 * the converter writes them, gray-matter itself for any other), and the body is trimmed as the glob
 * loader trims it: the entries it gave, without `rendered`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import type { Loader } from 'astro/loaders';
import { readWrittenFrontmatter } from './frontmatter-reader.ts';
import { meetingsReady } from './meetings-ready.ts';

export interface MeetingsLoaderOptions {
  /** The folder of meeting files, relative to the project root. */
  base: string;
}

/** The `.md` files of a folder, by name: the same order on every machine. */
export function meetingFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort();
}

/** A meeting file's frontmatter and body, as the glob loader reads them; the file named on failure. */
export function splitMeetingFile(contents: string, path: string): { data: Record<string, unknown>; body: string } {
  // A file as the converter writes it reads without js-yaml, to the same data (frontmatter-reader.ts).
  const written = readWrittenFrontmatter(contents);
  if (written) return { data: written.data, body: written.content.trim() };
  try {
    // Options given, so gray-matter does not keep every file it parsed in its cache.
    const parsed = matter(contents, {});
    return { data: parsed.data, body: parsed.content.trim() };
  } catch (error) {
    throw new Error(`${path}: the frontmatter is not valid YAML: ${(error as Error).message}`, { cause: error });
  }
}

export function meetingsLoader(options: MeetingsLoaderOptions): Loader {
  return {
    name: 'parley-meetings',
    async load({ config, store, parseData, generateDigest }) {
      // `npm run build` may start Astro before the converter has written every file.
      await meetingsReady();
      const root = fileURLToPath(config.root);
      const dir = resolve(root, options.base);
      const present = new Set<string>();
      for (const name of meetingFileNames(dir)) {
        const path = join(dir, name);
        const contents = readFileSync(path, 'utf8');
        const { data, body } = splitMeetingFile(contents, path);
        // The id is the slug, as the glob loader makes it from a `slug` field; the file name else.
        const id = typeof data.slug === 'string' ? data.slug : name.slice(0, -'.md'.length);
        present.add(id);
        const digest = generateDigest(contents);
        // Unchanged since the store was last written (a build with a kept cache folder): kept as it is.
        if (store.get(id)?.digest === digest) continue;
        const filePath = relative(root, path).split('\\').join('/');
        store.set({ id, data: await parseData({ id, data, filePath: path }), body, filePath, digest });
      }
      for (const id of store.keys()) if (!present.has(id)) store.delete(id);
    },
  };
}
