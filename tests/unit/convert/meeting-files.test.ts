import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeMeetingFiles, type MeetingOutput } from '../../../src/convert/meeting-files.ts';

const output = (name: string, text: string): MeetingOutput => ({ name, key: null, render: () => text });

describe('writeMeetingFiles', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes new files, leaves files already as they should be, rewrites changed ones and removes stale meeting files only', () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-files-'));
    const first = writeMeetingFiles(join(dir, 'out'), [output('a.md', 'A'), output('b.md', 'B')]);
    expect(first).toMatchObject({ written: 2, removed: 0 });

    writeFileSync(join(dir, 'out', 'b.md'), 'edited by hand');
    writeFileSync(join(dir, 'out', 'stale.md'), 'old');
    writeFileSync(join(dir, 'out', 'notes.txt'), 'not a meeting file');
    const second = writeMeetingFiles(join(dir, 'out'), [output('a.md', 'A'), output('b.md', 'B'), output('c.md', 'C')]);
    // a.md is as it should be; b.md is restored; c.md is new; stale.md goes, notes.txt stays.
    expect(second).toMatchObject({ written: 2, removed: 1 });
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.md', 'b.md', 'c.md', 'notes.txt']);
    expect(readFileSync(join(dir, 'out', 'b.md'), 'utf8')).toBe('B');
  });
});
