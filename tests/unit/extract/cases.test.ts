// End-to-end extraction cases: tests/fixtures/extract/<case>/{input.txt, expected.json}.
// Each folder is a small corpus scored exactly as `npm run eval` scores one; negative cases
// (not a meeting, no year) are kept on purpose.
import { describe, expect, it } from 'vitest';
import { convertCollection } from '../../../src/convert/collection.ts';
import { scoreConversion } from '../../../src/eval/score.ts';
import { seedIdOf } from '../../../src/eval/truth.ts';
import { fixtureCases, projectKnowledge } from './fixtures.ts';

describe('extraction cases', { timeout: 60_000 }, () => {
  const cases = fixtureCases();
  it('has cases', () => expect(cases.length).toBeGreaterThan(10));
  for (const c of cases) {
    it(c.name, () => {
      const result = convertCollection(c.seeds, projectKnowledge());
      const listed = new Set(c.expected.map((t) => seedIdOf(t.seed)));
      const scored = scoreConversion(c.expected, result, c.seeds.map((s) => s.id).filter((id) => !listed.has(id)));
      expect(scored.misses).toEqual([]);
    });
  }
});
