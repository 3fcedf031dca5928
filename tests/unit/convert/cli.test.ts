// The convert command as a user runs it: exit codes, --report, --strict, diagnostics with positions.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'parley-convert-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function convert(args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/convert.ts', ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run convert', { timeout: 120_000 }, () => {
  const seeds = join(scratch, 'seeds');
  mkdirSync(seeds);
  writeFileSync(join(seeds, 'good.txt'), 'BEIJING, 9 April 2024 — Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Tuesday.\n');
  writeFileSync(join(seeds, 'undated.txt'), 'Intro.\n\nOn March 5, Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Beijing.\n');
  writeFileSync(join(seeds, 'empty.txt'), '');
  writeFileSync(join(seeds, 'latin1.txt'), Buffer.from([0x4d, 0x6f, 0x73, 0x63, 0xfa, 0x0a]));
  writeFileSync(join(seeds, 'explainer.txt'), 'Explainer\n\nSergey Lavrov and Wang Yi are expected to meet in Tianjin next week, officials say.\n');

  it('exits 2 on bad arguments', () => {
    expect(convert(['--no-such-flag']).code).toBe(2);
    expect(convert(['--seeds', join(scratch, 'missing')]).code).toBe(2);
  });

  it('converts what it can, reports every seed, and names file and line', () => {
    const out = join(scratch, 'out');
    const report = join(scratch, 'report.json');
    const r = convert(['--seeds', seeds, '--out', out, '--report', report, '--content', 'content']);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['2024-04-09-beijing.md', expect.stringMatching(/^undated-beijing-[0-9a-f]{6}\.md$/)]);
    const entries = JSON.parse(readFileSync(report, 'utf8')) as { seed: string; status: string; slug: string | null; reasons: string[] }[];
    expect(entries.map((e) => [e.seed, e.status])).toEqual([
      ['empty', 'rejected'], ['explainer', 'skipped'], ['good', 'converted'], ['latin1', 'rejected'], ['undated', 'converted'],
    ]);
    for (const e of entries) expect(Object.keys(e).sort()).toEqual(['reasons', 'seed', 'slug', 'status']);
    expect(entries.find((e) => e.seed === 'empty')!.reasons[0]).toMatch(/empty/);
    expect(r.stderr).toMatch(/empty\.txt error seed\/empty: /);
    expect(r.stderr).toMatch(/undated\.txt:3:1 warning date\/year-unresolved: "March 5" has no year/);
    // CI: no progress line.
    expect(r.stderr).not.toMatch(/\r/);
    // A second run changes no byte.
    const before = readdirSync(out).map((n) => readFileSync(join(out, n), 'utf8'));
    const again = convert(['--seeds', seeds, '--out', out]);
    expect(readdirSync(out).map((n) => readFileSync(join(out, n), 'utf8'))).toEqual(before);
    expect(again.stdout).toMatch(/0 files written, 0 removed/);
  });

  it('with --strict exits 1 when a seed was skipped or rejected or a warning raised', () => {
    expect(convert(['--seeds', seeds, '--out', join(scratch, 'strict'), '--strict']).code).toBe(1);
    const clean = join(scratch, 'clean');
    mkdirSync(clean);
    writeFileSync(join(clean, 'good.txt'), 'BEIJING, 9 April 2024 — Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Tuesday.\n');
    expect(convert(['--seeds', clean, '--out', join(scratch, 'strict-clean'), '--strict']).code).toBe(0);
  });

});
