/**
 * Converting a collection: seeds in, Markdown files and a report out. Pure: the caller reads the
 * seed files and writes what this returns. A bad seed is reported by name and never stops the rest.
 */
import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Knowledge } from '../knowledge/index.ts';
import { bodyMarkdown } from '../extract/body.ts';
import { decodeSeed } from '../extract/decode.ts';
import { diagnostic, type Diagnostic } from '../extract/diagnostics.ts';
import { extractMeeting, readReport, referenceDateOf, type ReportExtraction, type Sidecar } from '../extract/index.ts';
import { assembleMeetings, type AssembledMeeting } from '../extract/merge.ts';
import { applyOverrides } from '../extract/overrides.ts';
import type { Meeting } from '../schema/meeting.ts';

export interface SeedInput {
  /** File name without `.txt`. */
  id: string;
  bytes: Uint8Array;
  /** Text of `<id>.meta.yaml`, when there is one. */
  sidecar: string | null;
}

export type SeedStatus = 'converted' | 'merged' | 'skipped' | 'rejected';

export interface SeedReport {
  seed: string;
  status: SeedStatus;
  slug: string | null;
  reasons: string[];
}

export interface ConversionResult {
  /** File name (`<slug>.md`) → content. */
  files: Map<string, string>;
  meetings: AssembledMeeting[];
  /** What each readable seed's report said on its own, before merging (for evaluation). */
  extractions: ReportExtraction[];
  report: SeedReport[];
  diagnostics: Diagnostic[];
}

const sidecarSchema = z.object({
  url: z.string().optional(),
  outlet: z.string().optional(),
  published: z.union([z.string(), z.date()]).optional(),
  retrieved: z.union([z.string(), z.date()]).optional(),
  language: z.string().optional(),
});

function readSidecar(id: string, text: string | null, diagnostics: Diagnostic[]): Sidecar | null {
  if (text === null) return null;
  try {
    const parsed = sidecarSchema.safeParse(parseYaml(text) ?? {});
    if (!parsed.success) {
      diagnostics.push(diagnostic(id, 'sidecar/invalid', `${id}.meta.yaml: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}; sidecar ignored`));
      return null;
    }
    const day = (v: string | Date | undefined) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
    return { ...parsed.data, published: day(parsed.data.published), retrieved: day(parsed.data.retrieved) };
  } catch (error) {
    diagnostics.push(diagnostic(id, 'sidecar/invalid', `${id}.meta.yaml is not valid YAML (${(error as Error).message.split('\n')[0]}); sidecar ignored`));
    return null;
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The Markdown file of a meeting: frontmatter through gray-matter, body through remark. */
export function meetingFile(m: AssembledMeeting): string {
  const body = bodyMarkdown(m.sections.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs })));
  // lineWidth -1: long strings stay on one line, so a diff shows exactly what changed.
  return matter.stringify(body, m.meeting as unknown as Record<string, unknown>, { lineWidth: -1 } as never);
}

/**
 * Remembers per-seed work between runs (src/convert/cache.ts): `remember` returns what `compute`
 * gave for the same step and key before, or computes it. The key holds everything the step reads
 * besides the code and the knowledge files, which the cache itself keys on.
 */
export interface ConvertMemo {
  remember<T>(step: string, key: readonly (string | Uint8Array | null)[], compute: () => T): T;
}

/** The default: remember nothing, compute everything. */
export const computeEveryTime: ConvertMemo = { remember: (_step, _key, compute) => compute() };

/**
 * `heldSlugs`: seed → the slug its meeting was last published under (the permalink ledger's live
 * slugs), so a meeting keeps its URL when another appears on the same day in the same place.
 */
export function convertCollection(
  seeds: SeedInput[],
  knowledge: Knowledge,
  memo: ConvertMemo = computeEveryTime,
  heldSlugs: ReadonlyMap<string, string> = new Map(),
): ConversionResult {
  const diagnostics: Diagnostic[] = [];
  const report: SeedReport[] = [];
  const ordered = [...seeds].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Pass 1: decode and read every seed; the collection's reference date is the latest full date.
  const readable: { seed: SeedInput; sidecar: Sidecar | null }[] = [];
  // Documents read in this run; a seed whose reading was remembered is read again only if pass 2 needs it.
  const docs = new Map<string, ReturnType<typeof readReport>>();
  const docOf = (seed: SeedInput) => docs.get(seed.id) ?? readReport(seed.id, (decodeSeed(seed.bytes) as { text: string }).text, knowledge);
  let corpusReferenceDate: string | null = null;
  for (const seed of ordered) {
    const read = memo.remember('read', [seed.id, seed.bytes, seed.sidecar], () => {
      const found: Diagnostic[] = [];
      const decoded = decodeSeed(seed.bytes);
      if (!decoded.ok) {
        found.push(diagnostic(seed.id, decoded.rule, decoded.reason, undefined, 'error'));
        return { diagnostics: found, rejected: { seed: seed.id, status: 'rejected' as const, slug: null, reasons: [decoded.reason] }, latest: null, sidecar: null };
      }
      try {
        const doc = readReport(seed.id, decoded.text, knowledge);
        const latest = referenceDateOf(doc, knowledge);
        docs.set(seed.id, doc);
        return { diagnostics: found, rejected: null, latest, sidecar: readSidecar(seed.id, seed.sidecar, found) };
      } catch (error) {
        const reason = `the converter failed on this seed: ${(error as Error).message}`;
        found.push(diagnostic(seed.id, 'seed/failed', reason, undefined, 'error'));
        return { diagnostics: found, rejected: { seed: seed.id, status: 'rejected' as const, slug: null, reasons: [reason] }, latest: null, sidecar: null };
      }
    });
    diagnostics.push(...read.diagnostics);
    if (read.rejected) {
      report.push(read.rejected);
      continue;
    }
    if (read.latest && (!corpusReferenceDate || read.latest > corpusReferenceDate)) corpusReferenceDate = read.latest;
    readable.push({ seed, sidecar: read.sidecar });
  }

  // Pass 2: extract each report; one failure is that seed's, not the collection's.
  const extractions: { extraction: ReportExtraction; hash: string }[] = [];
  for (const { seed, sidecar } of readable) {
    const outcome = memo.remember('extract', [seed.id, seed.bytes, seed.sidecar, corpusReferenceDate], () => {
      const found: Diagnostic[] = [];
      try {
        const raw = extractMeeting(docOf(seed), { seed: seed.id, knowledge, sidecar, corpusReferenceDate });
        const { extraction, problems } = applyOverrides(raw, knowledge);
        for (const p of problems) found.push(diagnostic(seed.id, 'override/invalid', p, undefined, 'error'));
        found.push(...extraction.diagnostics);
        if (!extraction.isMeeting) {
          found.push(diagnostic(seed.id, 'seed/not-a-meeting', extraction.reasons.join('; '), undefined, 'warning'));
          return { diagnostics: found, report: { seed: seed.id, status: 'skipped' as const, slug: null, reasons: extraction.reasons }, input: null };
        }
        return { diagnostics: found, report: null, input: { extraction, hash: sha256(seed.bytes) } };
      } catch (error) {
        const reason = `the converter failed on this seed: ${(error as Error).message}`;
        found.push(diagnostic(seed.id, 'seed/failed', reason, undefined, 'error'));
        return { diagnostics: found, report: { seed: seed.id, status: 'rejected' as const, slug: null, reasons: [reason] }, input: null };
      }
    });
    diagnostics.push(...outcome.diagnostics);
    if (outcome.report) report.push(outcome.report);
    if (outcome.input) extractions.push(outcome.input);
  }

  const meetings = assembleMeetings(extractions, knowledge, heldSlugs);
  const reports = extractions.map((e) => e.extraction);
  const files = new Map<string, string>();
  const bySeed = new Map(extractions.map((e) => [e.extraction.seed, e.extraction]));
  for (const m of meetings) {
    files.set(`${m.meeting.slug}.md`, memo.remember('file', [JSON.stringify(m)], () => meetingFile(m)));
    m.seeds.forEach((seed, i) => {
      const x = bySeed.get(seed)!;
      report.push({
        seed,
        status: i === 0 ? 'converted' : 'merged',
        slug: m.meeting.slug,
        reasons: i === 0 ? x.diagnostics.map((d) => `${d.rule}: ${d.message}`) : [`merged into ${m.meeting.slug} with ${m.seeds[0]}`],
      });
    });
  }
  report.sort((a, b) => (a.seed < b.seed ? -1 : 1));
  diagnostics.sort((a, b) => (a.seed < b.seed ? -1 : a.seed > b.seed ? 1 : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : 1)));
  return { files, meetings, extractions: reports, report, diagnostics };
}

export type { Meeting };
