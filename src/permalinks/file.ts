/**
 * The ledger's file I/O, for the convert command and the build: where the ledger lives, reading it
 * (a missing file is an empty ledger) and recording a conversion in it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AssembledMeeting } from '../extract/merge.ts';
import { emptyLedger, parseLedger, serializeLedger, updateLedger, type CurrentMeeting, type Ledger, type PermalinkChange } from './ledger.ts';

/**
 * The ledger a conversion records into (default: `<content>/permalinks.json` when converting into
 * `<content>/meetings`, none otherwise, so a scratch conversion never touches the committed ledger).
 */
export function ledgerFileFor(options: { outDir: string; contentDir: string; ledgerFile?: string | null }): string | null {
  if (options.ledgerFile !== undefined) return options.ledgerFile;
  return resolve(options.outDir) === resolve(options.contentDir, 'meetings') ? join(options.contentDir, 'permalinks.json') : null;
}

/**
 * The ledger a build reads (default: content/permalinks.json; `PARLEY_PERMALINKS_FILE` names
 * another; a build from a scratch `PARLEY_MEETINGS_DIR` without one has no ledger).
 */
export function ledgerFileForBuild(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PARLEY_PERMALINKS_FILE) return env.PARLEY_PERMALINKS_FILE;
  return env.PARLEY_MEETINGS_DIR ? null : 'content/permalinks.json';
}

export function readLedger(file: string | null): Ledger {
  if (!file || !existsSync(file)) return emptyLedger();
  return parseLedger(readFileSync(file, 'utf8'), file);
}

export function currentMeetingsOf(meetings: readonly AssembledMeeting[]): CurrentMeeting[] {
  return meetings.map(({ meeting, seeds }) => ({
    slug: meeting.slug,
    seeds,
    meeting: { title: meeting.title, date: meeting.date, location: { city: meeting.location.city, country: meeting.location.country }, topics: meeting.topics },
  }));
}

export function describeChange(c: PermalinkChange): string {
  const url = `/meetings/${c.slug}/`;
  if (c.to === 'redirect') return `${url} now redirects to /meetings/${c.target}/`;
  if (c.to === 'withdrawn') return `${url} is withdrawn: none of its seeds makes a meeting now`;
  if (c.reassigned) return `warning: ${url} now shows a different meeting (none of its earlier seeds); citations of it point elsewhere`;
  if (c.from === null) return `${url} is new`;
  return c.from === 'live' ? `${url} is built from other seeds now` : `${url} is live again`;
}

/**
 * Record a conversion's meetings in the ledger file and write it only when its bytes change.
 * `options` is the convert command's: the ledger is `ledgerFile`, or the default of ledgerFileFor.
 */
export function recordPermalinks(options: { outDir: string; contentDir: string; ledgerFile?: string | null; quiet?: boolean }, meetings: readonly AssembledMeeting[]): PermalinkChange[] {
  const file = ledgerFileFor(options);
  if (!file) return [];
  const { ledger, changes } = updateLedger(readLedger(file), currentMeetingsOf(meetings));
  const text = serializeLedger(ledger);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  for (const c of changes) {
    if (c.reassigned) console.error(`permalinks: ${describeChange(c)}`);
    else if (!options.quiet) console.log(`permalinks: ${describeChange(c)}`);
  }
  return changes;
}
