/**
 * Shapes of the knowledge files under content/. Knowledge is data: code never names a
 * particular place, person, outlet or event; it reads them from these files.
 */
import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const id = z.string().regex(/^[a-z0-9-]+$/, 'expected lower-case letters, digits and hyphens');
/** A phrase to find in text; a trailing `*` matches any word ending (Russian cases: `Ривертон*`). */
const phrase = z.string().min(1);

export const countrySchema = z.object({
  name: z.string(),
  /** Other names of the country, in any language ("Russian Federation", "России"). */
  aliases: z.array(phrase).default([]),
  /** Adjectives that attribute a person or side to the country ("Russian", "российск*"). */
  adjectives: z.array(phrase).default([]),
});
export type Country = z.infer<typeof countrySchema>;

export const placeSchema = z.object({
  id,
  name: z.string(),
  country: z.string(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** Other names: former names, districts and venues inside it, other languages and cases. */
  aliases: z.array(phrase).default([]),
  /** A capital is often used for its government ("Riverton and Lakeside agreed"). */
  capital: z.boolean().default(false),
});
export type Place = z.infer<typeof placeSchema>;

export const roleSchema = z.object({
  title: z.string(),
  from: isoDay,
  /** Last day in the role; absent while the person holds it. */
  to: isoDay.optional(),
});

export const personSchema = z.object({
  id,
  name: z.string(),
  country: z.string(),
  /** Other spellings and forms: "Ana M. Brell", "А.М.Брелл*", a bare surname when distinctive. */
  aliases: z.array(phrase).default([]),
  roles: z.array(roleSchema).min(1),
});
export type Person = z.infer<typeof personSchema>;

export const topicSchema = z.object({
  slug: id,
  label: z.string(),
  description: z.string(),
  /**
   * Words and phrases that signal the topic, matched as whole words. A cue written in capitals
   * (UN, EU, ООН) matches only in capitals; others match in any case.
   */
  cues: z.array(phrase).min(1),
});
export type Topic = z.infer<typeof topicSchema>;

export const referenceEventSchema = z.object({
  id,
  /** Name used as the meeting's occasion ("Regional Council of Foreign Ministers"). */
  name: z.string(),
  start: isoDay,
  end: isoDay,
  /** Place id from places.yaml. */
  place: id,
  /** Phrases that name the event in a report. */
  cues: z.array(phrase).min(1),
});
export type ReferenceEvent = z.infer<typeof referenceEventSchema>;

export const outletSchema = z.object({
  name: z.string(),
  /** Other ways reports credit it: agency codes ("NPA", "RNA"), other languages. */
  aliases: z.array(phrase).default([]),
});
export type Outlet = z.infer<typeof outletSchema>;

const overrideFields = ['date', 'location', 'occasion', 'participants', 'topics', 'outlet', 'notMeeting'] as const;
export const overrideSchema = z.object({
  /** The seed whose extraction is corrected. */
  seed: z.string(),
  field: z.enum(overrideFields),
  /** The corrected value: YYYY-MM-DD for date, a place id for location, a list for participants/topics. */
  value: z.unknown(),
  /** Why, in words an editor can check. Required: a correction without a reason is rejected. */
  reason: z.string().min(10),
});
export type Override = z.infer<typeof overrideSchema>;

/** Words of a language the extractor relies on; one entry per language in lexicon.yaml. */
export const languageSchema = z.object({
  code: z.string(),
  /** Month names and abbreviations, each list for months 1..12 (forms in any case). */
  months: z.array(z.array(z.string())).length(12),
  /** Weekday names, Sunday first, each a list of forms. */
  weekdays: z.array(z.array(z.string())).length(7),
  /** Phrases that report that a meeting took place (past or headline present). */
  meetingVerbs: z.array(phrase),
  /** Phrases that put a meeting in the future or the conditional: "expected to meet". */
  notYetMarkers: z.array(phrase),
  /** Prepositions that put a meeting at a place ("in", "at", "в"). */
  placePrepositions: z.array(z.string()),
  /** Phrases that introduce an occasion: "on the sidelines of". */
  occasionMarkers: z.array(phrase),
  /** Words for "this" before a month or year: "this March", "в марте этого года" is not covered. */
  thisWords: z.array(z.string()).default([]),
  /** Words that follow a year number ("года", "году"). */
  yearWords: z.array(z.string()).default([]),
  /** Titles of officials, so people missing from people.yaml are still recognised. */
  roleTitles: z.array(phrase).default([]),
  /** Words a page uses to stamp its own publication ("Published", "Updated"). */
  stampWords: z.array(phrase).default([]),
  /** Phrases that refer to the other side of a meeting without a name ("his counterpart"). */
  counterpartWords: z.array(phrase).default([]),
  /** Words that put a sentence in the future or the conditional ("will", "would", "будет"). */
  futureMarkers: z.array(phrase).default([]),
  /**
   * Meeting verbs that state a meeting took place ("met", "held talks", "состоялись"). A sentence
   * in the future ("we will release information on X's meeting with Y") reports a meeting only
   * with one of these.
   */
  reportVerbs: z.array(phrase).default([]),
  /** Phrases that recall an earlier meeting rather than report this one ("last met"). */
  recallMarkers: z.array(phrase).default([]),
  /** Pronouns opening a clause about a person ("Brell, who flew in from Lakeside on Sunday, met…"). */
  relativePronouns: z.array(z.string()).default([]),
  /** Words before a name that make the person a mention, not a participant ("received by", "during"). */
  mentionPrepositions: z.array(z.string()).default([]),
  /** Words between "in"/"at" and a place that send it elsewhere ("flew in from Lakeside"). */
  awayPrepositions: z.array(z.string()).default([]),
  /** Words for a capital city, so "in the Chinese capital" places a meeting ("capital", "столиц*"). */
  capitalWords: z.array(phrase).default([]),
  /** Words that date an event by the page's own date: "yesterday" (the day before), "today". */
  yesterdayWords: z.array(phrase).default([]),
  todayWords: z.array(phrase).default([]),
});
export type Language = z.infer<typeof languageSchema>;

export const chromeSchema = z.object({
  /** Regular expressions (case-insensitive) for whole lines that are page furniture. */
  lines: z.array(z.string()),
  /** Regular expressions for a line that starts a furniture block running to the next blank line. */
  blocks: z.array(z.string()).default([]),
  /** Line starts after which the rest of the line is furniture ("Also Read:"). */
  prefixes: z.array(z.string()),
});
export type Chrome = z.infer<typeof chromeSchema>;
