// The convert command keeps the ledger: current with seeds/, and untouched by a second run.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertCollection } from '../../../src/convert/collection.ts';
import { readSeeds } from '../../../src/convert/run.ts';
import { loadKnowledge } from '../../../src/knowledge/load.ts';
import { currentMeetingsOf, ledgerFileFor, ledgerFileForBuild, readLedger } from '../../../src/permalinks/file.ts';
import { serializeLedger, updateLedger } from '../../../src/permalinks/ledger.ts';

const scratch = mkdtempSync(join(tmpdir(), 'parley-ledger-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const convert = (...args: string[]) => execFileSync(process.execPath, ['scripts/convert.ts', '--quiet', ...args], { stdio: 'pipe' });

describe('content/permalinks.json', () => {
  it('is current: recording a conversion of seeds/ in it changes no byte', () => {
    const committed = readFileSync('content/permalinks.json', 'utf8');
    const result = convertCollection(readSeeds('seeds'), loadKnowledge('content'));
    const { ledger, changes } = updateLedger(readLedger('content/permalinks.json'), currentMeetingsOf(result.meetings));
    expect(changes).toEqual([]);
    expect(serializeLedger(ledger)).toBe(committed);
  }, 30_000);

  it('is left byte-identical by running npm run convert twice', () => {
    const ledger = join(scratch, 'permalinks.json');
    copyFileSync('content/permalinks.json', ledger);
    const out = join(scratch, 'meetings');
    convert('--out', out, '--ledger', ledger);
    const once = readFileSync(ledger);
    convert('--out', out, '--ledger', ledger);
    expect(readFileSync(ledger).equals(once)).toBe(true);
    expect(once.toString('utf8')).toBe(readFileSync('content/permalinks.json', 'utf8'));
  }, 60_000);
});

describe('where the ledger lives', () => {
  it('is content/permalinks.json for a conversion into content/meetings, and nowhere for a scratch one', () => {
    expect(ledgerFileFor({ outDir: 'content/meetings', contentDir: 'content' })).toBe(join('content', 'permalinks.json'));
    expect(ledgerFileFor({ outDir: '/tmp/x/meetings', contentDir: 'content' })).toBeNull();
    expect(ledgerFileFor({ outDir: '/tmp/x/meetings', contentDir: 'content', ledgerFile: '/tmp/x/l.json' })).toBe('/tmp/x/l.json');
  });

  it('is content/permalinks.json for a build, PARLEY_PERMALINKS_FILE when set, none for a scratch meetings folder', () => {
    expect(ledgerFileForBuild({})).toBe('content/permalinks.json');
    expect(ledgerFileForBuild({ PARLEY_MEETINGS_DIR: '/tmp/m' })).toBeNull();
    expect(ledgerFileForBuild({ PARLEY_MEETINGS_DIR: '/tmp/m', PARLEY_PERMALINKS_FILE: '/tmp/l.json' })).toBe('/tmp/l.json');
  });
});
