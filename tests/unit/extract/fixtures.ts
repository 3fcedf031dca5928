// Shared by the extraction tests: the project's knowledge, loaded once, and fixture cases.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertCollection, type SeedInput } from '../../../src/convert/collection.ts';
import { readSeeds } from '../../../src/convert/run.ts';
import { parseTruth, type TruthEntry } from '../../../src/eval/truth.ts';
import { loadKnowledge } from '../../../src/knowledge/load.ts';
import type { Knowledge } from '../../../src/knowledge/index.ts';

let knowledge: Knowledge | null = null;
export function projectKnowledge(): Knowledge {
  return (knowledge ??= loadKnowledge('content'));
}

export const fixturesDir = 'tests/fixtures/extract';

export interface FixtureCase {
  name: string;
  dir: string;
  seeds: SeedInput[];
  expected: TruthEntry[];
}

/** Every case folder: its articles (`*.txt`, optional `*.meta.yaml`) and expected records. */
export function fixtureCases(): FixtureCase[] {
  return readdirSync(fixturesDir)
    .filter((name) => existsSync(join(fixturesDir, name, 'expected.json')))
    .sort()
    .map((name) => {
      const dir = join(fixturesDir, name);
      const raw = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
      const expected = parseTruth(JSON.stringify(Array.isArray(raw) ? raw : [raw]), join(dir, 'expected.json'));
      return { name, dir, seeds: readSeeds(dir), expected };
    });
}

/** Convert a text as a one-seed collection. */
export function convertText(text: string, id = 'case', sidecar: string | null = null) {
  return convertCollection([{ id, bytes: new TextEncoder().encode(text), sidecar }], projectKnowledge());
}
