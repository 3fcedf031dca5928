/**
 * The bare reference: the smallest Astro project that builds the same Markdown, one plain page
 * per file (glob loader, one template rendering the entry), using the installed Astro. What
 * Parley's build is compared with.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function writeReferenceProject(root: string, options: { meetingsDir: string; outDir: string; cacheDir: string; nodeModules: string }): void {
  mkdirSync(join(root, 'src/pages/meetings'), { recursive: true });
  symlinkSync(resolve(options.nodeModules), join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, 'package.json'), `${JSON.stringify({ name: 'parley-bench-reference', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ outDir: ${JSON.stringify(resolve(options.outDir))}, cacheDir: ${JSON.stringify(resolve(options.cacheDir))} });\n`,
  );
  writeFileSync(
    join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { meetings: defineCollection({ loader: glob({ pattern: '*.md', base: ${JSON.stringify(resolve(options.meetingsDir))} }) }) };\n`,
  );
  writeFileSync(
    join(root, 'src/pages/meetings/[slug].astro'),
    [
      '---',
      "import { getCollection, render } from 'astro:content';",
      'export async function getStaticPaths() {',
      "  return (await getCollection('meetings')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));",
      '}',
      'const { entry } = Astro.props;',
      'const { Content } = await render(entry);',
      '---',
      '<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>',
      '<body><h1>{entry.data.title}</h1><Content /></body></html>',
      '',
    ].join('\n'),
  );
}
