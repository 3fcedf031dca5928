/**
 * Converting a collection: seeds in, Markdown files and a report out. Pure: the caller reads the
 * seed files and writes what this returns. Each seed is read and extracted on its own (seed.ts);
 * this gathers the outcomes, merges reports into meetings and writes their files. A bad seed is
 * reported by name and never stops the rest.
 */
import type { Knowledge } from '../knowledge/index.ts';
import { bodyMarkdown } from '../extract/body.ts';
import type { Diagnostic } from '../extract/diagnostics.ts';
import type { ReportExtraction } from '../extract/index.ts';
import { buildMeeting, mergeFactsOf, planMeetings, type AssembledMeeting, type MeetingPlan, type MergeFacts } from '../extract/merge.ts';
import type { Meeting } from '../schema/meeting.ts';
import { corpusReferenceDateOf, type SeedExtraction, type SeedInput, type SeedReading, type SeedReport } from './seed.ts';
import { inlineConverter, type HandedEntry, type SeedConverter } from './seed-converter.ts';
import { frontmatterFile } from './frontmatter.ts';

export { sha256, type SeedInput, type SeedReport, type SeedStatus } from './seed.ts';

export interface ConversionResult {
  /** File name (`<slug>.md`) → content. */
  files: Map<string, string>;
  meetings: AssembledMeeting[];
  /** What each readable seed's report said on its own, before merging (for evaluation). */
  extractions: ReportExtraction[];
  report: SeedReport[];
  diagnostics: Diagnostic[];
}

/** Everything converting one seed gave; `extraction` is null when its reading was rejected. */
export interface SeedOutcome {
  id: string;
  reading: SeedReading;
  extraction: SeedExtraction | null;
}

/**
 * The Markdown file of a meeting: frontmatter as gray-matter writes it with lineWidth -1 (long
 * strings stay on one line, so a diff shows exactly what changed), body as remark writes it.
 */
export function meetingFile(m: AssembledMeeting): string {
  const body = bodyMarkdown(m.sections.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs })));
  return frontmatterFile(m.meeting as unknown as Record<string, unknown>, body);
}

export const meetingFileName = (m: AssembledMeeting) => `${m.meeting.slug}.md`;

const bySeedId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Read every seed (extracting those whose extraction needs no reference date), then extract the
 * other readable ones against the collection's reference date (the latest full date any seed
 * prints), then merge. `heldSlugs`: seed → the slug its meeting was
 * last published under (the permalink ledger's live slugs), so a meeting keeps its URL when
 * another appears on the same day in the same place.
 */
export function convertCollection(
  seeds: SeedInput[],
  knowledge: Knowledge,
  /** Runs the per-seed steps (default: on this thread; workerConverter spreads them over threads). */
  converter: SeedConverter = inlineConverter(knowledge),
  heldSlugs: ReadonlyMap<string, string> = new Map(),
): ConversionResult {
  const ordered = [...seeds].sort(bySeedId);
  const outcomes = new Map<string, SeedOutcome>();
  const take = (id: string, handed: HandedEntry) => outcomes.set(id, { id, ...handed.entry() });
  // Seeds whose extraction needs no reference date come extracted with their reading.
  const readings = converter.read(ordered, take);
  const reference = corpusReferenceDateOf(readings.values());
  for (const seed of ordered) if (readings.get(seed.id)!.rejected) outcomes.set(seed.id, { id: seed.id, reading: readings.get(seed.id)!, extraction: null });
  const jobs = ordered.filter((seed) => !outcomes.has(seed.id)).map((seed) => ({ seed, reading: readings.get(seed.id)! }));
  converter.extract(jobs, reference, take);
  const result = collectOutcomes([...outcomes.values()], knowledge, heldSlugs);
  const files = new Map(result.meetings.map((m) => [meetingFileName(m), meetingFile(m)]));
  return { ...result, files };
}

/**
 * What the collection needs of a seed's outcome besides the reports its meeting is built from:
 * small enough for the convert cache to keep in its index and plan a run with alone.
 */
export interface SeedSummary {
  id: string;
  readingDiagnostics: Diagnostic[];
  extractionDiagnostics: Diagnostic[];
  /** Rejected when read, or skipped or failed when extracted; null when it makes a meeting. */
  report: SeedReport | null;
  /** What merging reads of its report; null when it makes no meeting. */
  merge: MergeFacts | null;
  /** Its report's own diagnostics as `rule: message`: the reasons given when it leads its meeting. */
  reasons: string[];
}

export function summaryOf(outcome: SeedOutcome): SeedSummary {
  const { reading, extraction } = outcome;
  const input = extraction?.input ?? null;
  return {
    id: outcome.id,
    readingDiagnostics: reading.diagnostics,
    extractionDiagnostics: extraction?.diagnostics ?? [],
    report: reading.rejected ?? extraction?.report ?? null,
    merge: input ? mergeFactsOf(input) : null,
    reasons: input ? input.extraction.diagnostics.map((d) => `${d.rule}: ${d.message}`) : [],
  };
}

/** The meetings (seeds and slug, in slug order), the report and the diagnostics of a collection. */
export interface CollectionPlan {
  plans: MeetingPlan[];
  report: SeedReport[];
  diagnostics: Diagnostic[];
}

/** Plan the collection from its seeds' summaries (in any order): the same whichever thread or run made each. */
export function planCollection(summaries: readonly SeedSummary[], heldSlugs: ReadonlyMap<string, string> = new Map()): CollectionPlan {
  const ordered = [...summaries].sort(bySeedId);
  // Every reading's diagnostics before any extraction's: the order the sort below starts from.
  const diagnostics: Diagnostic[] = [...ordered.flatMap((s) => s.readingDiagnostics), ...ordered.flatMap((s) => s.extractionDiagnostics)];
  const report: SeedReport[] = ordered.flatMap((s) => (s.report ? [s.report] : []));
  const plans = planMeetings(ordered.flatMap((s) => (s.merge ? [s.merge] : [])), heldSlugs);
  const byId = new Map(ordered.map((s) => [s.id, s]));
  for (const m of plans) {
    m.seeds.forEach((seed, i) => {
      report.push({
        seed,
        status: i === 0 ? 'converted' : 'merged',
        slug: m.slug,
        reasons: i === 0 ? byId.get(seed)!.reasons : [`merged into ${m.slug} with ${m.seeds[0]}`],
      });
    });
  }
  report.sort((a, b) => (a.seed < b.seed ? -1 : 1));
  diagnostics.sort((a, b) => (a.seed < b.seed ? -1 : a.seed > b.seed ? 1 : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : 1)));
  return { plans, report, diagnostics };
}

/**
 * The collection from its seeds' outcomes (in any order): meetings, report and diagnostics, the
 * same whichever thread or run computed each outcome. Files are left to the caller (meetingFile).
 */
export function collectOutcomes(outcomes: readonly SeedOutcome[], knowledge: Knowledge, heldSlugs: ReadonlyMap<string, string> = new Map()): Omit<ConversionResult, 'files'> {
  const { plans, report, diagnostics } = planCollection(outcomes.map(summaryOf), heldSlugs);
  const inputs = [...outcomes].sort(bySeedId).flatMap((o) => (o.extraction?.input ? [o.extraction.input] : []));
  const bySeed = new Map(inputs.map((i) => [i.extraction.seed, i]));
  const meetings = plans.map((plan) => buildMeeting(plan, (seed) => bySeed.get(seed)!, knowledge));
  return { meetings, extractions: inputs.map((e) => e.extraction), report, diagnostics };
}

export type { Meeting };
