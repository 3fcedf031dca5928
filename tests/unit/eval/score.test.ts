import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertCollection } from '../../../src/convert/collection.ts';
import { formatTable, scoreConversion } from '../../../src/eval/score.ts';
import { parseTruth } from '../../../src/eval/truth.ts';
import { projectKnowledge } from '../extract/fixtures.ts';

const seed = (id: string, text: string) => ({ id, bytes: new TextEncoder().encode(text), sidecar: null });
const truth = (fields: Record<string, unknown>) => parseTruth(JSON.stringify([{ isMeeting: true, city: 'Beijing', country: 'China', participants: ['Sergey Lavrov', 'Wang Yi'], outlet: null, ...fields }]), 't');

describe('scoreConversion', { timeout: 60_000 }, () => {
  const result = convertCollection(
    [seed('dated', 'BEIJING, 9 April 2024 — Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Tuesday to discuss Ukraine.'), seed('undated', 'Intro.\n\nOn March 5, Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Beijing.'), seed('empty', '')],
    projectKnowledge(),
  );
  const row = (s: ReturnType<typeof scoreConversion>, field: string) => s.rows.find((r) => r.field === field)!;

  it('counts an exact date, and a missing one as unresolved, not wrong', () => {
    const s = scoreConversion([...truth({ seed: 'dated.txt', date: '2024-04-09', mustTopics: ['ukraine'] }), ...truth({ seed: 'undated.txt', date: '2024-03-05' })], result, ['empty']);
    expect([row(s, 'date exact').right, row(s, 'date unresolved').right, row(s, 'date WRONG').right]).toEqual([1, 1, 0]);
    expect(row(s, 'bad files reported')).toMatchObject({ right: 1, total: 1 });
    expect(row(s, 'topic recall')).toMatchObject({ right: 1, total: 1 });
  });

  // negative cases: the scorer must be able to fail
  it('counts a different day as WRONG and fails the table', () => {
    const s = scoreConversion(truth({ seed: 'dated.txt', date: '2024-04-10' }), result);
    expect(row(s, 'date WRONG').right).toBe(1);
    expect(s.passed).toBe(false);
    expect(formatTable(s)).toMatch(/date WRONG\s+1\/1 .* NO/);
  });

  it('counts a forbidden topic, a wrong city and missing participants', () => {
    const s = scoreConversion(truth({ seed: 'dated.txt', date: '2024-04-09', city: 'Shanghai', participants: ['Sergey Lavrov'], mustNotTopics: ['ukraine'] }), result);
    expect([row(s, 'forbidden topics').right, row(s, 'city').right, row(s, 'participants').right]).toEqual([1, 0, 0]);
  });

  it('accepts the unresolved answer when the year cannot be known', () => {
    const s = scoreConversion(truth({ seed: 'undated.txt', date: null, yearDeterminable: false }), result);
    expect(row(s, 'date exact').right).toBe(1);
  });
});

describe('npm run eval', { timeout: 120_000 }, () => {
  it('exits 2 on bad arguments and 0 otherwise', () => {
    const run = (args: string[]) => spawnSync(process.execPath, ['scripts/eval.ts', ...args], { encoding: 'utf8' });
    expect(run(['--bogus']).status).toBe(2);
    expect(run(['--corpus', '/nonexistent/corpus']).status).toBe(2);
    const corpus = mkdtempSync(join(tmpdir(), 'parley-eval-'));
    writeFileSync(join(corpus, 'a.txt'), readFileSync('tests/fixtures/extract/no-year-unresolved/input.txt'));
    writeFileSync(join(corpus, 'truth.json'), JSON.stringify([{ ...JSON.parse(readFileSync('tests/fixtures/extract/no-year-unresolved/expected.json', 'utf8')), seed: 'a.txt' }]));
    const ok = run(['--json', '--no-seeds', '--corpus', corpus]);
    rmSync(corpus, { recursive: true, force: true });
    expect(ok.status).toBe(0);
    const scored = JSON.parse(ok.stdout);
    expect(scored.rows.length).toBeGreaterThan(10);
    expect(scored.passed).toBe(true);
  });
});
