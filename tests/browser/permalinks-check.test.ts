// The build refuses to ship a site that would break a recorded URL, and says which one.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLedger } from '../../src/permalinks/file.ts';
import { serializeLedger } from '../../src/permalinks/ledger.ts';

const scratch = mkdtempSync(join(tmpdir(), 'parley-permalinks-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the build', () => {
  it('fails, naming the slug, when a URL in the ledger would have no page', () => {
    cpSync('content/meetings', join(scratch, 'meetings'), { recursive: true });
    const ledger = readLedger('content/permalinks.json');
    const any = Object.values(ledger.slugs)[0]!;
    ledger.slugs['1999-12-31-nowhere'] = { ...any, status: 'live', seeds: ['no-such-seed'], history: [{ revision: 1, status: 'live', seeds: ['no-such-seed'] }] };
    const ledgerFile = join(scratch, 'permalinks.json');
    writeFileSync(ledgerFile, serializeLedger(ledger));

    // Output inside the project, so Astro stages its prerender chunks there and not in the shared ./.astro/.
    mkdirSync('.scratch', { recursive: true });
    const out = mkdtempSync(join('.scratch', 'permalinks-check-'));
    const env = { ...process.env, PARLEY_OUT_DIR: join(out, 'dist'), PARLEY_CACHE_DIR: join(out, 'cache'), PARLEY_MEETINGS_DIR: join(scratch, 'meetings'), PARLEY_PERMALINKS_FILE: ledgerFile, ASTRO_TELEMETRY_DISABLED: '1' };
    let stderr = '';
    try {
      execFileSync(process.execPath, ['scripts/build-site.ts'], { env, stdio: 'pipe' });
    } catch (error) {
      stderr = String((error as { stderr: Buffer }).stderr);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    expect(stderr).toContain(`/meetings/1999-12-31-nowhere/ is recorded in ${ledgerFile} (live, but no meeting has this slug) and the build made no page for it`);
  });
});
