/**
 * The meeting record: ONE schema, used by the converter (to validate what it writes)
 * and by `src/content.config.ts` (to validate what the site reads), so the two cannot drift.
 * Field meanings follow ../shared/CONTRACT.md; fields beyond the contract are marked "Parley".
 */
import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** How `date` was obtained, strongest first. */
export const dateBases = [
  'override',
  'explicit',
  'dateline',
  'sidecar',
  'weekday',
  'knowledge',
  'unresolved',
] as const;
export const dateBasisSchema = z.enum(dateBases);
export type DateBasis = z.infer<typeof dateBasisSchema>;

/** A quotation from a seed that supports a published value (Parley). */
export const evidenceSchema = z.object({
  /** Seed id the words come from. */
  seed: z.string(),
  /** 1-based line in the seed file. */
  line: z.number().int().nonnegative(),
  /** The sentence or line, as cleaned text. */
  text: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const participantSchema = z.object({
  /** Canonical name from content/people.yaml, or as the text gives it. */
  name: z.string().min(1),
  /** Role at the time of the meeting ("Foreign Minister"), or null when unknown. */
  role: z.string().nullable(),
  /** Country the person represents, or null when unknown. */
  country: z.string().nullable(),
  /** Parley: URL-safe id of the person (content/people.yaml id, or derived from the name). */
  id: z.string().regex(/^[a-z0-9-]+$/),
});
export type Participant = z.infer<typeof participantSchema>;

/** Only http(s) links ever reach a page. */
const webUrl = z
  .string()
  .regex(/^https?:\/\/[^\s"'<>]+$/i, 'expected an http(s) URL');

export const sourceSchema = z.object({
  /** Seed id: the seed's file name without `.txt`. */
  seed: z.string().min(1),
  /** Outlet that published the report, or null when the text does not name one. */
  outlet: z.string().nullable(),
  url: webUrl.nullable(),
  /** Publication day, when the text or sidecar gives one. */
  published: isoDay.nullable(),
  /** Parley: the report's own headline. */
  headline: z.string().nullable(),
});
export type Source = z.infer<typeof sourceSchema>;

export const topicEvidenceSchema = evidenceSchema.extend({
  /** Topic slug from content/topics.yaml. */
  topic: z.string(),
  /** The cue that matched, as written in the text. */
  cue: z.string(),
});
export type TopicEvidence = z.infer<typeof topicEvidenceSchema>;

export const meetingSchema = z.object({
  slug: z.string().regex(/^(\d{4}-\d{2}-\d{2}|undated)-[a-z0-9-]+$/),
  title: z.string().min(1),
  date: isoDay.nullable(),
  dateBasis: dateBasisSchema,
  dateNote: z.string(),
  location: z.object({
    city: z.string().nullable(),
    country: z.string().nullable(),
  }),
  /** Parley: how the place was settled, for a reader to check. */
  locationNote: z.string(),
  /** Parley: gazetteer id of the place (content/places.yaml), or null. */
  placeId: z.string().nullable(),
  occasion: z.string().nullable(),
  participants: z.array(participantSchema),
  topics: z.array(z.string()),
  sources: z.array(sourceSchema).min(1),
  summary: z.string(),
  warnings: z.array(z.string()),
  /** Parley: the words behind date, place, participants and each topic. */
  evidence: z.object({
    date: z.array(evidenceSchema),
    location: z.array(evidenceSchema),
    participants: z.array(evidenceSchema),
    occasion: z.array(evidenceSchema),
    topics: z.array(topicEvidenceSchema),
  }),
});
export type Meeting = z.infer<typeof meetingSchema>;
