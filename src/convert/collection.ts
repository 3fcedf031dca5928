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

export function convertCollection(seeds: SeedInput[], knowledge: Knowledge): ConversionResult {
  const diagnostics: Diagnostic[] = [];
  const report: SeedReport[] = [];
  const ordered = [...seeds].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Pass 1: decode and read every seed; the collection's reference date is the latest full date.
  const readable: { seed: SeedInput; doc: ReturnType<typeof readReport>; sidecar: Sidecar | null }[] = [];
  let corpusReferenceDate: string | null = null;
  for (const seed of ordered) {
    const decoded = decodeSeed(seed.bytes);
    if (!decoded.ok) {
      diagnostics.push(diagnostic(seed.id, decoded.rule, decoded.reason, undefined, 'error'));
      report.push({ seed: seed.id, status: 'rejected', slug: null, reasons: [decoded.reason] });
      continue;
    }
    try {
      const doc = readReport(seed.id, decoded.text, knowledge);
      const latest = referenceDateOf(doc, knowledge);
      if (latest && (!corpusReferenceDate || latest > corpusReferenceDate)) corpusReferenceDate = latest;
      readable.push({ seed, doc, sidecar: readSidecar(seed.id, seed.sidecar, diagnostics) });
    } catch (error) {
      const reason = `the converter failed on this seed: ${(error as Error).message}`;
      diagnostics.push(diagnostic(seed.id, 'seed/failed', reason, undefined, 'error'));
      report.push({ seed: seed.id, status: 'rejected', slug: null, reasons: [reason] });
    }
  }

  // Pass 2: extract each report; one failure is that seed's, not the collection's.
  const extractions: { extraction: ReportExtraction; hash: string }[] = [];
  for (const { seed, doc, sidecar } of readable) {
    try {
      const raw = extractMeeting(doc, { seed: seed.id, knowledge, sidecar, corpusReferenceDate });
      const { extraction, problems } = applyOverrides(raw, knowledge);
      for (const p of problems) diagnostics.push(diagnostic(seed.id, 'override/invalid', p, undefined, 'error'));
      diagnostics.push(...extraction.diagnostics);
      if (!extraction.isMeeting) {
        diagnostics.push(diagnostic(seed.id, 'seed/not-a-meeting', extraction.reasons.join('; '), undefined, 'warning'));
        report.push({ seed: seed.id, status: 'skipped', slug: null, reasons: extraction.reasons });
        continue;
      }
      extractions.push({ extraction, hash: sha256(seed.bytes) });
    } catch (error) {
      const reason = `the converter failed on this seed: ${(error as Error).message}`;
      diagnostics.push(diagnostic(seed.id, 'seed/failed', reason, undefined, 'error'));
      report.push({ seed: seed.id, status: 'rejected', slug: null, reasons: [reason] });
    }
  }

  const meetings = assembleMeetings(extractions, knowledge);
  const files = new Map<string, string>();
  for (const m of meetings) {
    files.set(`${m.meeting.slug}.md`, meetingFile(m));
    m.seeds.forEach((seed, i) => {
      const x = extractions.find((e) => e.extraction.seed === seed)!.extraction;
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
  return { files, meetings, report, diagnostics };
}

export type { Meeting };
