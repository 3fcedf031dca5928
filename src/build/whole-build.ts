/**
 * `npm run build` whole: the converter (scripts/convert.ts) in a process of its own, so what it
 * held, hundreds of MB for a large archive, is given back before Astro needs its memory; and the
 * site (finish.ts) started as soon as the converter says it has extracted every seed. Its last
 * step, writing the meeting files and its cache, keeps about one core of two busy: Astro's
 * start-up runs on the other, and its meetings reader waits until the converter says the
 * meeting files are written (meetings-ready.ts; convert/build-signals.ts). A converter that
 * fails fails the build with its exit code.
 */
import { fork } from 'node:child_process';
import { isBuildSignal, type BuildSignal } from '../convert/build-signals.ts';
import { buildSiteAndFinish, type SiteBuildSummary } from './finish.ts';

/** The converter's failure, as the build reports it: its exit code (its messages are above). */
export class ConvertFailed extends Error {
  readonly exitCode: number;
  constructor(exitCode: number) {
    super(`convert failed (exit code ${exitCode}); its messages are above`);
    this.exitCode = exitCode;
  }
}

export interface WholeBuildTimes {
  /** From the start until the converter ended, and until the site build started (ms). */
  convertMs: number;
  siteStartMs: number;
}

/**
 * Converts (scripts/convert.ts with `convertArgs`) and builds the site into `outDir`; rejects with
 * ConvertFailed when the converter fails, with the site build's error when that does.
 */
export async function buildWhole(convertArgs: readonly string[], outDir: string): Promise<{ site: SiteBuildSummary; times: WholeBuildTimes }> {
  const started = performance.now();
  const converter = fork(new URL('../../scripts/convert.ts', import.meta.url), [...convertArgs], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  let convertMs = 0;
  const ended = new Promise<void>((resolve, reject) => {
    converter.once('error', reject);
    converter.once('exit', (code, signal) => {
      convertMs = performance.now() - started;
      if (code === 0) resolve();
      else reject(new ConvertFailed(code ?? (signal ? 128 : 1)));
    });
  });
  ended.catch(() => {}); // awaited below
  const signalled = (signal: BuildSignal) =>
    new Promise<boolean>((resolve) => {
      converter.on('message', (message) => isBuildSignal(message, signal) && resolve(true));
      ended.then(() => resolve(false), () => resolve(false));
    });
  // The meeting files are written once it says so, or once it has ended well (one that never says so).
  const written = signalled('written').then((said) => (said ? undefined : ended));
  written.catch(() => {}); // awaited by the site build
  // The site starts once every seed is extracted; with a converter that never says so, once it has ended well.
  if (!(await signalled('extracted'))) await ended;
  const siteStartMs = performance.now() - started;
  try {
    const site = await buildSiteAndFinish(outDir, { meetingsWritten: written });
    // It may still fail after the files are written (saving its cache): the build fails with it.
    await ended;
    return { site, times: { convertMs, siteStartMs } };
  } catch (error) {
    // The converter is let finish (its files are not left half written); its failure, if it
    // failed, is the one to tell, since the site build's follows from it.
    await ended;
    throw error;
  }
}
