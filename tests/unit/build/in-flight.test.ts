import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../src/build/in-flight.ts';

describe('InFlight', () => {
  it('lets the producer run up to the limit, then holds every waiter until half is done', async () => {
    const work = new InFlight(4);
    for (let i = 0; i < 4; i++) {
      work.started();
      expect(work.wait()).toBeUndefined();
    }
    work.started();
    const first = work.wait();
    const second = work.wait();
    expect(first).toBeInstanceOf(Promise);
    expect(second).toBe(first);
    let released = false;
    void first!.then(() => (released = true));
    work.finished(2); // 3 out: more than half of 4
    await Promise.resolve();
    expect(released).toBe(false);
    work.finished(); // 2 out
    await first;
    expect(released).toBe(true);
    expect(work.wait()).toBeUndefined();
  });

  it('lets waiters go when the consumer ends, whatever is out', async () => {
    const work = new InFlight(1);
    work.started();
    work.started();
    const waiting = work.wait()!;
    work.open();
    await expect(waiting).resolves.toBeUndefined();
  });
});
