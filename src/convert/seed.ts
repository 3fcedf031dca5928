/**
 * Converting one seed, in the two steps a collection needs: reading it (decode, document, the
 * latest full date it prints) and extracting its meeting (which may need the collection's
 * reference date, the latest of all readings: a report that does not can be extracted as soon as
 * it is read, `extractSeedAlone`). Pure, and independent of every other seed: a worker thread
 * or the cache can do either step for any seed. A bad seed is reported by name, never thrown.
 */
import { createHash } from 'node:crypto';
import type { Knowledge } from '../knowledge/index.ts';
import { decodeSeed } from '../extract/decode.ts';
import { diagnostic, type Diagnostic } from '../extract/diagnostics.ts';
import { extractMeeting, readReport, referenceDateOf, type ExtractContext, type Sidecar } from '../extract/index.ts';
import type { ReportDocument } from '../extract/document.ts';
import type { MergeInput } from '../extract/merge.ts';
import { applyOverrides } from '../extract/overrides.ts';
import { readSidecar } from './sidecar.ts';

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

/** What reading a seed gave: its diagnostics, why it was rejected, or its latest date and sidecar. */
export interface SeedReading {
  diagnostics: Diagnostic[];
  rejected: SeedReport | null;
  /** The latest full date the report prints (see referenceDateOf). */
  latest: string | null;
  sidecar: Sidecar | null;
}

/** What extracting a readable seed gave: a report for the merge, or why it makes no meeting. */
export interface SeedExtraction {
  diagnostics: Diagnostic[];
  /** Skipped or rejected; null when it makes (part of) a meeting. */
  report: SeedReport | null;
  input: MergeInput | null;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const failed = (error: unknown) => `the converter failed on this seed: ${(error as Error).message}`;

/** Step 1. `doc` is the document read, for step 2 to reuse; null when the seed was rejected. */
export function readSeed(seed: SeedInput, knowledge: Knowledge): { reading: SeedReading; doc: ReportDocument | null } {
  const found: Diagnostic[] = [];
  const decoded = decodeSeed(seed.bytes);
  if (!decoded.ok) {
    found.push(diagnostic(seed.id, decoded.rule, decoded.reason, undefined, 'error'));
    return { reading: { diagnostics: found, rejected: { seed: seed.id, status: 'rejected', slug: null, reasons: [decoded.reason] }, latest: null, sidecar: null }, doc: null };
  }
  try {
    const doc = readReport(seed.id, decoded.text, knowledge);
    const latest = referenceDateOf(doc, knowledge);
    return { reading: { diagnostics: found, rejected: null, latest, sidecar: readSidecar(seed.id, seed.sidecar, found) }, doc };
  } catch (error) {
    const reason = failed(error);
    found.push(diagnostic(seed.id, 'seed/failed', reason, undefined, 'error'));
    return { reading: { diagnostics: found, rejected: { seed: seed.id, status: 'rejected', slug: null, reasons: [reason] }, latest: null, sidecar: null }, doc: null };
  }
}

/** The collection's reference date: the latest full date any seed prints. */
export function corpusReferenceDateOf(readings: Iterable<SeedReading>): string | null {
  let latest: string | null = null;
  for (const r of readings) if (r.latest && (!latest || r.latest > latest)) latest = r.latest;
  return latest;
}

/**
 * Step 2, for a seed whose reading was not rejected, against the collection's reference date. The
 * seed's document is read again: step 1's went to `extractSeedAlone`, and an extraction tried on
 * a document may have left its mark on it.
 */
export function extractSeed(seed: SeedInput, reading: SeedReading, corpusReferenceDate: string | null, knowledge: Knowledge): SeedExtraction {
  return extractWith(seed, { seed: seed.id, knowledge, sidecar: reading.sidecar, corpusReferenceDate }, knowledge, null);
}

/**
 * Step 2 before the collection's reference date is known: the extraction, when the report never
 * asked for that date (most reports print a date of their own, or give the year), so it is the
 * extraction against any date; null when it asked (step 2 proper, once every seed is read).
 */
export function extractSeedAlone(seed: SeedInput, reading: SeedReading, knowledge: Knowledge, doc: ReportDocument | null = null): SeedExtraction | null {
  let asked = false;
  const context = {
    seed: seed.id,
    knowledge,
    sidecar: reading.sidecar,
    get corpusReferenceDate(): string | null {
      asked = true;
      return null;
    },
  };
  const extraction = extractWith(seed, context, knowledge, doc);
  return asked ? null : extraction;
}

function extractWith(seed: SeedInput, context: ExtractContext, knowledge: Knowledge, doc: ReportDocument | null): SeedExtraction {
  const found: Diagnostic[] = [];
  try {
    const document = doc ?? readReport(seed.id, (decodeSeed(seed.bytes) as { text: string }).text, knowledge);
    const raw = extractMeeting(document, context);
    const { extraction, problems } = applyOverrides(raw, knowledge);
    for (const p of problems) found.push(diagnostic(seed.id, 'override/invalid', p, undefined, 'error'));
    found.push(...extraction.diagnostics);
    if (!extraction.isMeeting) {
      found.push(diagnostic(seed.id, 'seed/not-a-meeting', extraction.reasons.join('; '), undefined, 'warning'));
      return { diagnostics: found, report: { seed: seed.id, status: 'skipped', slug: null, reasons: extraction.reasons }, input: null };
    }
    return { diagnostics: found, report: null, input: { extraction, hash: sha256(seed.bytes) } };
  } catch (error) {
    const reason = failed(error);
    found.push(diagnostic(seed.id, 'seed/failed', reason, undefined, 'error'));
    return { diagnostics: found, report: { seed: seed.id, status: 'rejected', slug: null, reasons: [reason] }, input: null };
  }
}
