// The committed content/meetings/ is exactly what the converter writes from seeds/.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertCollection } from '../../src/convert/collection.ts';
import { readSeeds } from '../../src/convert/run.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { readLedger } from '../../src/permalinks/file.ts';
import { heldSlugsOf } from '../../src/permalinks/ledger.ts';

// Slugs already published stay with their seeds: convert reads the committed ledger, so does this test.
const held = heldSlugsOf(readLedger('content/permalinks.json'));

describe('content/meetings', { timeout: 60_000 }, () => {
  it('is current: converting seeds/ gives the committed files, byte for byte', () => {
    const result = convertCollection(readSeeds('seeds'), loadKnowledge('content'), undefined, held);
    const committed = readdirSync('content/meetings').filter((n) => n.endsWith('.md')).sort();
    expect(committed).toEqual([...result.files.keys()].sort());
    for (const [name, text] of result.files) expect(readFileSync(`content/meetings/${name}`, 'utf8'), name).toBe(text);
  });

  it('does not depend on the order seeds are read in', () => {
    const knowledge = loadKnowledge('content');
    const seeds = readSeeds('seeds');
    const forward = convertCollection(seeds, knowledge, undefined, held);
    const backward = convertCollection([...seeds].reverse(), knowledge, undefined, held);
    expect([...backward.files.entries()]).toEqual([...forward.files.entries()]);
    expect(backward.report).toEqual(forward.report);
  });
});
