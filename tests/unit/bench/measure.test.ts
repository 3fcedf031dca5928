import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStage } from '../../../src/bench/measure.ts';

describe('runStage', () => {
  it.runIf(process.platform === 'linux')('counts the CPU of a process the stage started and stopped without waiting for it (as Pagefind is)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-measure-'));
    const stage = join(dir, 'stage.mjs');
    // The stage starts a helper that spins for 600 ms, kills it, and exits at once: the helper's
    // CPU time never reaches this process's children's times.
    writeFileSync(
      stage,
      [
        "import { spawn } from 'node:child_process';",
        "const helper = spawn(process.execPath, ['-e', 'const end = Date.now() + 600; while (Date.now() < end); setInterval(() => {}, 1000);'], { stdio: 'ignore' });",
        'setTimeout(() => { helper.kill("SIGKILL"); process.exit(0); }, 900);',
      ].join('\n'),
    );
    const run = await runStage([stage], { cwd: dir, env: process.env, sampleMs: 20 });
    expect(run.code).toBe(0);
    expect(run.cpuMs).toBeGreaterThanOrEqual(500);
    expect(run.peakBytes).toBeGreaterThan(0);
  });
});
