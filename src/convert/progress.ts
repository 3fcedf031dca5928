/**
 * Progress for long conversions: on a terminal, one line rewritten in place ("convert: 120/500
 * seeds"); in CI (CI=true) or when the output is not a terminal, nothing at all, so logs stay
 * quiet and diffable. Counting rides on the memo every seed passes through, so the pure
 * collection code knows nothing of it.
 */
import type { ConvertMemo } from './collection.ts';

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Below this many seeds a run is short: no progress line. */
const minimumSeeds = 50;

export function wantsProgress(stream: ProgressStream, env: Record<string, string | undefined>, total: number): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return !!stream.isTTY && !ci && total >= minimumSeeds;
}

/** A memo that counts extracted seeds and shows the count; `done()` clears the line. */
export function withProgress(inner: ConvertMemo, total: number, stream: ProgressStream, now: () => number = () => performance.now()): ConvertMemo & { done(): void } {
  let count = 0;
  let shown = -Infinity;
  return {
    remember(step, key, compute) {
      const value = inner.remember(step, key, compute);
      if (step === 'extract') {
        count++;
        // Redraw at most ten times a second: a terminal write per seed would slow a big run.
        if (now() - shown >= 100 || count === total) {
          shown = now();
          stream.write(`\rconvert: ${count}/${total} seeds`);
        }
      }
      return value;
    },
    done() {
      if (count > 0) stream.write('\r\u001b[2K');
    },
  };
}
