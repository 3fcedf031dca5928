/**
 * Progress for long conversions: on a terminal, one line rewritten in place ("convert: 120/500
 * seeds"); in CI (CI=true) or when the output is not a terminal, nothing at all, so logs stay
 * quiet and diffable. The convert command counts each seed extracted; the pure collection code
 * knows nothing of it.
 */

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

export interface ProgressLine {
  /** One more seed extracted. */
  seedDone(): void;
  /** Clear the line. */
  done(): void;
}

/** A line that shows how many of `total` seeds are extracted; `done()` clears it. */
export function progressLine(total: number, stream: ProgressStream, now: () => number = () => performance.now()): ProgressLine {
  let count = 0;
  let shown = -Infinity;
  return {
    seedDone() {
      count++;
      // Redraw at most ten times a second: a terminal write per seed would slow a big run.
      if (now() - shown >= 100 || count === total) {
        shown = now();
        stream.write(`\rconvert: ${count}/${total} seeds`);
      }
    },
    done() {
      if (count > 0) stream.write('\r\u001b[2K');
    },
  };
}
