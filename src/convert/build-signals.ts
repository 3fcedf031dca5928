/**
 * What the converter tells a build that started it (src/build/whole-build.ts), over the IPC
 * channel when there is one:
 * - `extracted`: every seed is extracted; what is left (writing the meeting files and the cache)
 *   keeps one core of two busy, so the build may start Astro beside it;
 * - `written`: the meeting files and the permalink ledger are written, so Astro may read them,
 *   while the converter writes its cache.
 */
export type BuildSignal = 'extracted' | 'written';

export function isBuildSignal(message: unknown, signal: BuildSignal): boolean {
  return typeof message === 'object' && message !== null && (message as { parley?: unknown }).parley === signal;
}

/** Tells the parent process, if it listens (started with an IPC channel). */
export function tellParent(signal: BuildSignal): void {
  process.send?.({ parley: signal });
}
