// Files written on threads are the files written inline: same bytes, same "written or not".
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineFileWriter, statOf, threadedFileWriter, type FileWriter } from '../../../src/convert/file-writer.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function writeAll(make: () => FileWriter) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-writer-test-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'same.md'), 'unchanged\n');
  writeFileSync(join(dir, 'old.md'), 'before\n');
  const writer = make();
  writer.write(join(dir, 'same.md'), 'unchanged\n');
  writer.write(join(dir, 'old.md'), 'after\n');
  for (let i = 0; i < 300; i++) writer.write(join(dir, `m${i}.md`), `meeting ${i}\n`);
  const done = writer.finish();
  const names = ['same.md', 'old.md', ...Array.from({ length: 300 }, (_, i) => `m${i}.md`)];
  for (const name of names) expect(done.get(join(dir, name))!.stat).toBe(statOf(join(dir, name)));
  return names.map((name) => [name, done.get(join(dir, name))!.written, readFileSync(join(dir, name), 'utf8')]);
}

describe('file writers', () => {
  it('write only what changed, the same on threads as inline', () => {
    const inline = writeAll(inlineFileWriter);
    expect(inline.slice(0, 2)).toEqual([['same.md', false, 'unchanged\n'], ['old.md', true, 'after\n']]);
    expect(writeAll(() => threadedFileWriter(2))).toEqual(inline);
  });
});
