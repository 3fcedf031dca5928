import { describe, expect, it } from 'vitest';
import { progressLine, wantsProgress } from '../../../src/convert/progress.ts';

describe('progress', () => {
  const tty = { isTTY: true, write: () => true };
  const rows: [string, { isTTY?: boolean }, Record<string, string | undefined>, number, boolean][] = [
    ['a terminal, a long run', tty, {}, 500, true],
    ['CI=true', tty, { CI: 'true' }, 500, false],
    ['CI=1', tty, { CI: '1' }, 500, false],
    ['CI=false is not CI', tty, { CI: 'false' }, 500, true],
    ['not a terminal', { isTTY: false }, {}, 500, false],
    ['a short run', tty, {}, 5, false],
  ];
  for (const [name, stream, env, total, shown] of rows) {
    it(name, () => expect(wantsProgress({ ...stream, write: () => true }, env, total)).toBe(shown));
  }

  it('counts extracted seeds and clears its line', () => {
    const written: string[] = [];
    let clock = 0;
    const line = progressLine(3, { write: (t: string) => written.push(t) }, () => (clock += 200));
    for (let i = 0; i < 3; i++) line.seedDone();
    line.done();
    expect(written).toEqual(['\rconvert: 1/3 seeds', '\rconvert: 2/3 seeds', '\rconvert: 3/3 seeds', '\r\u001b[2K']);
  });
});
