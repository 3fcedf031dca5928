// npm run build's two halves together: a converter that fails fails the build with its exit code,
// whether it fails before the site has started or after (Astro's process then waiting for meetings).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildWhole, ConvertFailed } from '../../../src/build/whole-build.ts';

// The site build as it is, its calls and their outcomes recorded.
const siteBuilds = vi.hoisted(() => [] as { outDir: string; outcome: Promise<unknown> }[]);
vi.mock('../../../src/build/finish.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/build/finish.ts')>();
  return {
    ...actual,
    buildSiteAndFinish: (outDir: string, options: Parameters<typeof actual.buildSiteAndFinish>[1]) => {
      const outcome = actual.buildSiteAndFinish(outDir, options);
      siteBuilds.push({ outDir, outcome: outcome.catch((error: unknown) => error) });
      return outcome;
    },
  };
});

describe('buildWhole', () => {
  let scratch = '';
  const saved = { cache: process.env.PARLEY_CACHE_DIR, convertCache: process.env.PARLEY_CONVERT_CACHE };
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'parley-whole-'));
    process.env.PARLEY_CACHE_DIR = join(scratch, 'astro-cache');
    process.env.PARLEY_CONVERT_CACHE = 'off';
  });
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
    for (const [key, value] of [['PARLEY_CACHE_DIR', saved.cache], ['PARLEY_CONVERT_CACHE', saved.convertCache]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('fails with the converter\'s exit code when it fails before extracting (a bad argument): no site started', async () => {
    const failure = await buildWhole(['--no-such-option'], join(scratch, 'site-a')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConvertFailed);
    expect((failure as ConvertFailed).exitCode).toBe(2);
    expect(siteBuilds.filter((b) => b.outDir.endsWith('site-a'))).toEqual([]);
  });

  it('fails with the converter\'s failure when it fails writing the meeting files, after the site has started', async () => {
    // The meetings folder cannot be made: a file stands at its path.
    const blocked = join(scratch, 'not-a-folder');
    writeFileSync(blocked, '');
    const started = performance.now();
    const failure = await buildWhole(['--seeds', 'seeds', '--out', join(blocked, 'meetings'), '--quiet'], join(scratch, 'site-b')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConvertFailed);
    expect((failure as ConvertFailed).exitCode).toBe(1);
    // The site had started (the converter had extracted the seeds), and failed with the converter's failure:
    // Astro's process, waiting for the meetings, was stopped rather than waited for.
    const site = siteBuilds.find((b) => b.outDir.endsWith('site-b'));
    expect(site).toBeDefined();
    expect(await site!.outcome).toBe(failure);
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
