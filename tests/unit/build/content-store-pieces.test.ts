import { describe, expect, it } from 'vitest';
import { splitStoreLiteral } from '../../../src/build/content-store-pieces.ts';

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
