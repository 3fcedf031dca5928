/**
 * The permalink ledger (content/permalinks.json): every meeting slug ever built, the seeds behind
 * it and what became of it. Pure: the previous ledger and the meetings of this conversion in, the
 * next ledger out. "When" is a revision number — the ledger's own count of changes — never a
 * clock, so the same inputs always give the same bytes and a run that changes nothing keeps them.
 */
import { z } from 'zod';

/** What a URL serves now: the meeting, a redirect to the meeting that holds its seeds, or a withdrawal notice. */
export const permalinkStatuses = ['live', 'redirect', 'withdrawn'] as const;
export type PermalinkStatus = (typeof permalinkStatuses)[number];

/** What a meeting was, as last built: enough for a withdrawal page to say what is gone. */
export const meetingSnapshotSchema = z.object({
  title: z.string(),
  /** YYYY-MM-DD or null. */
  date: z.string().nullable(),
  location: z.object({ city: z.string().nullable(), country: z.string().nullable() }),
  topics: z.array(z.string()),
});
export type MeetingSnapshot = z.infer<typeof meetingSnapshotSchema>;

/** One change of a slug, appended in order. */
export const permalinkEventSchema = z.object({
  /** The ledger revision the change was made in. */
  revision: z.number().int().positive(),
  status: z.enum(permalinkStatuses),
  /** live: the seeds it was built from. */
  seeds: z.array(z.string()).optional(),
  /** redirect: the slug it redirects to. */
  to: z.string().optional(),
});
export type PermalinkEvent = z.infer<typeof permalinkEventSchema>;

export const permalinkSchema = z.object({
  status: z.enum(permalinkStatuses),
  /** redirect: the live slug it points to, chains already followed. */
  to: z.string().optional(),
  /** The seeds behind the slug when it was last built (sorted). */
  seeds: z.array(z.string()),
  /** The meeting as last built. */
  meeting: meetingSnapshotSchema,
  history: z.array(permalinkEventSchema).min(1),
});
export type Permalink = z.infer<typeof permalinkSchema>;

export const ledgerSchema = z.object({
  /** Counts the conversions that changed a URL; 0 for an empty ledger. */
  revision: z.number().int().nonnegative(),
  /** Slug → its record, keys sorted. */
  slugs: z.record(z.string(), permalinkSchema),
});
export type Ledger = z.infer<typeof ledgerSchema>;

/** A meeting of the current conversion, as the ledger sees it. */
export interface CurrentMeeting {
  slug: string;
  seeds: string[];
  meeting: MeetingSnapshot;
}

/** One line of what a conversion did to the URLs, for the convert command to print. */
export interface PermalinkChange {
  slug: string;
  from: PermalinkStatus | null;
  to: PermalinkStatus;
  target?: string;
  /** A live slug whose seeds are all new: earlier citations of it now show another meeting. */
  reassigned?: boolean;
}

export const emptyLedger = (): Ledger => ({ revision: 0, slugs: {} });

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Where a slug that is no longer built should send its readers: the live meeting holding most of
 * its seeds (ties: the lowest slug); when none of its seeds is live, wherever its earlier redirect
 * leads now. null: nowhere, so it is withdrawn. Reads only the previous ledger and the current
 * meetings, so the order slugs are visited in cannot change the answer.
 */
function resolveTarget(slug: string, previous: Ledger, live: Map<string, CurrentMeeting>, homeOfSeed: Map<string, string>, visiting: Set<string> = new Set()): string | null {
  if (live.has(slug)) return slug;
  const entry = previous.slugs[slug];
  if (!entry || visiting.has(slug)) return null;
  visiting.add(slug);
  const counts = new Map<string, number>();
  for (const seed of entry.seeds) {
    const home = homeOfSeed.get(seed);
    if (home) counts.set(home, (counts.get(home) ?? 0) + 1);
  }
  if (counts.size > 0) {
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || byCodeUnit(a[0], b[0]))[0]![0];
  }
  // Its seeds are gone, but the meeting it was merged into may live on under another name.
  if (entry.status === 'redirect' && entry.to) return resolveTarget(entry.to, previous, live, homeOfSeed, visiting);
  return null;
}

/** The next ledger: every slug of `previous` kept, every current meeting recorded. */
export function updateLedger(previous: Ledger, current: readonly CurrentMeeting[]): { ledger: Ledger; changes: PermalinkChange[] } {
  const revision = previous.revision + 1;
  const live = new Map(current.map((m) => [m.slug, { ...m, seeds: [...m.seeds].sort(byCodeUnit) }]));
  const homeOfSeed = new Map<string, string>();
  for (const m of live.values()) for (const seed of m.seeds) homeOfSeed.set(seed, m.slug);

  const slugs: Record<string, Permalink> = {};
  const changes: PermalinkChange[] = [];
  const allSlugs = [...new Set([...Object.keys(previous.slugs), ...live.keys()])].sort(byCodeUnit);
  for (const slug of allSlugs) {
    const before = previous.slugs[slug];
    const history = [...(before?.history ?? [])];
    const now = live.get(slug);
    if (now) {
      if (!before || before.status !== 'live' || !sameList(before.seeds, now.seeds)) {
        history.push({ revision, status: 'live', seeds: now.seeds });
        const reassigned = before !== undefined && before.seeds.length > 0 && !before.seeds.some((s) => now.seeds.includes(s));
        changes.push({ slug, from: before?.status ?? null, to: 'live', ...(reassigned ? { reassigned } : {}) });
      }
      slugs[slug] = { status: 'live', seeds: now.seeds, meeting: now.meeting, history };
      continue;
    }
    const entry = before!;
    const target = resolveTarget(slug, previous, live, homeOfSeed);
    const status: PermalinkStatus = target ? 'redirect' : 'withdrawn';
    if (entry.status !== status || (target && entry.to !== target)) {
      history.push(target ? { revision, status, to: target } : { revision, status });
      changes.push({ slug, from: entry.status, to: status, ...(target ? { target } : {}) });
    }
    // Seeds and meeting stay as last built: they say what the URL stood for.
    slugs[slug] = { status, ...(target ? { to: target } : {}), seeds: entry.seeds, meeting: entry.meeting, history };
  }
  return { ledger: { revision: changes.length > 0 ? revision : previous.revision, slugs }, changes };
}

/** The file's bytes: keys in a fixed order, two-space indent, one trailing newline. */
export function serializeLedger(ledger: Ledger): string {
  const ordered = {
    revision: ledger.revision,
    slugs: Object.fromEntries(
      Object.keys(ledger.slugs)
        .sort(byCodeUnit)
        .map((slug) => {
          const p = ledger.slugs[slug]!;
          return [
            slug,
            {
              status: p.status,
              ...(p.to !== undefined ? { to: p.to } : {}),
              seeds: p.seeds,
              meeting: { title: p.meeting.title, date: p.meeting.date, location: { city: p.meeting.location.city, country: p.meeting.location.country }, topics: p.meeting.topics },
              history: p.history.map((e) => ({ revision: e.revision, status: e.status, ...(e.seeds ? { seeds: e.seeds } : {}), ...(e.to !== undefined ? { to: e.to } : {}) })),
            },
          ];
        }),
    ),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Parse and validate a ledger's text; `file` names it in the error. */
export function parseLedger(text: string, file: string): Ledger {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = ledgerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`, { cause: parsed.error });
  }
  const problems = checkLedger(parsed.data);
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return parsed.data;
}

/** Invariants a hand edit could break: every redirect ends at a live slug, in one step. */
export function checkLedger(ledger: Ledger): string[] {
  const problems: string[] = [];
  for (const [slug, p] of Object.entries(ledger.slugs)) {
    if (p.status === 'redirect') {
      const target = p.to === undefined ? undefined : ledger.slugs[p.to];
      if (!target) problems.push(`${slug} redirects to ${p.to ?? 'nothing'}, which the ledger does not record`);
      else if (target.status !== 'live') problems.push(`${slug} redirects to ${p.to}, which is ${target.status}`);
    } else if (p.to !== undefined) problems.push(`${slug} is ${p.status} but names a redirect target`);
  }
  return problems;
}

/** Seed → the live slug it was last built under: what a conversion keeps so citations stay put. */
export function heldSlugsOf(ledger: Ledger): Map<string, string> {
  const held = new Map<string, string>();
  for (const [slug, record] of Object.entries(ledger.slugs).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (record.status !== 'live') continue;
    for (const seed of record.seeds) if (!held.has(seed)) held.set(seed, slug);
  }
  return held;
}
