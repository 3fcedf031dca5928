import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitStoreLiteral, storeReadAtRunTime } from '../../../src/build/content-store-pieces.ts';

/** Evaluates `export default <expr>` the way the build would import it. */
async function valueOf(code: string): Promise<unknown> {
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { default: unknown };
  return mod.default;
}

describe('splitStoreLiteral', () => {
  const store = { meetings: Array.from({ length: 200 }, (_, i) => ({ id: `m-${i}`, title: `Lavrov — Wang Yi «${i}» \u{1F600} "quoted" \\ back\nslash` })) };
  const astroCode = `export default JSON.parse(${JSON.stringify(JSON.stringify(store))})`;

  it('gives the same store from pieces no longer than asked', async () => {
    const split = splitStoreLiteral(astroCode, 1000)!;
    expect(split).not.toBeNull();
    const literals = split.split('",\n"');
    expect(literals.length).toBeGreaterThan(10);
    // Each piece ends at the first comma after the length asked for.
    expect(Math.max(...literals.slice(0, -1).map((l) => l.length))).toBeLessThan(1100);
    expect(await valueOf(split)).toEqual(store);
  });

  it('gives back characters outside the BMP wherever a piece boundary falls', async () => {
    for (const size of [7, 8, 9, 10, 11]) expect(await valueOf(splitStoreLiteral(astroCode, size)!)).toEqual(store);
  });

  it('leaves other code, and stores already small, alone', () => {
    expect(splitStoreLiteral('export default new Map()')).toBeNull();
    expect(splitStoreLiteral('export default JSON.parse(someVariable)', 4)).toBeNull();
    expect(splitStoreLiteral(`export default JSON.parse(${JSON.stringify('{"a":1}')})`)).toBeNull();
    // Two literals and an expression between them: not one string, so not touched.
    expect(splitStoreLiteral(`export default JSON.parse("[1," + x + ",2]")`, 2)).toBeNull();
  });
});

describe('storeReadAtRunTime', () => {
  const work = mkdtempSync(join(tmpdir(), 'parley-store-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const store = { meetings: [{ id: 'm-1', title: 'Lavrov — Wang Yi "quoted" \\ back\nslash \u{1F600}' }] };
  const text = JSON.stringify(store);
  const astroCode = `export default JSON.parse(${JSON.stringify(text)})`;

  it('reads the store from the file when Astro\'s module holds exactly its text: the same store', async () => {
    const file = join(work, 'data-store.json');
    writeFileSync(file, text);
    const code = storeReadAtRunTime(astroCode, file)!;
    expect(code).not.toBeNull();
    expect(code.length).toBeLessThan(200 + file.length);
    expect(await valueOf(code)).toEqual(store);
  });

  it('leaves the module alone when the file holds another store, is missing, or the module is not Astro\'s store', () => {
    const other = join(work, 'other.json');
    writeFileSync(other, JSON.stringify({ meetings: [] }));
    expect(storeReadAtRunTime(astroCode, other)).toBeNull();
    expect(storeReadAtRunTime(astroCode, join(work, 'missing.json'))).toBeNull();
    expect(storeReadAtRunTime('export default new Map()', join(work, 'data-store.json'))).toBeNull();
  });
});
