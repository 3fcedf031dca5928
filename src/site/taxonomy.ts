/**
 * Taxonomies over the archive, in the manner of Hugo's: topics, people, places and years, each a
 * list of terms with their meetings (newest first), counts and the terms that co-occur with them.
 * Pure: meetings and knowledge files in, view models out.
 */
import type { Person, Place, Topic } from '../knowledge/schema.ts';
import type { Meeting } from '../schema/meeting.ts';
import { yearOf } from './format.ts';
import { slugId } from './paths.ts';

export type TaxonomyKind = 'topic' | 'person' | 'place' | 'year';

export interface Term {
  kind: TaxonomyKind;
  /** URL segment. */
  id: string;
  label: string;
  /** One line under the heading: a topic's description, a person's role, a place's country. */
  description: string;
  /** Newest first; undated last. */
  meetings: Meeting[];
  /** Other names the archive knows for a person (people.yaml aliases), for a reader to check. */
  alsoKnownAs?: string[];
}

export interface Knowledge {
  topics: Topic[];
  people: Person[];
  places: Place[];
}

/** Newest first; undated meetings last, by slug. */
export function byDateDesc(a: Meeting, b: Meeting): number {
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.date && !b.date) return -1;
  if (!a.date && b.date) return 1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

export function newestFirst(meetings: readonly Meeting[]): Meeting[] {
  return [...meetings].sort(byDateDesc);
}

function group(meetings: readonly Meeting[], keys: (m: Meeting) => string[]): Map<string, Meeting[]> {
  const out = new Map<string, Meeting[]>();
  for (const m of newestFirst(meetings)) {
    for (const key of new Set(keys(m))) {
      const list = out.get(key);
      if (list) list.push(m);
      else out.set(key, [m]);
    }
  }
  return out;
}

/** Every topic of topics.yaml (also those no meeting has yet), plus any unknown slug a meeting carries. */
export function topicTerms(meetings: readonly Meeting[], k: Knowledge): Term[] {
  const grouped = group(meetings, (m) => m.topics);
  const known = k.topics.map((t) => ({ kind: 'topic' as const, id: t.slug, label: t.label, description: t.description, meetings: grouped.get(t.slug) ?? [] }));
  const unknown = [...grouped.keys()].filter((s) => !k.topics.some((t) => t.slug === s)).sort();
  return [...known, ...unknown.map((s) => ({ kind: 'topic' as const, id: s, label: s, description: '', meetings: grouped.get(s)! }))];
}

// One labeller per topic list: pages ask for one on every render, with the same list.
const labellers = new WeakMap<Knowledge['topics'], (slug: string) => string>();

export function topicLabeller(k: Knowledge): (slug: string) => string {
  let label = labellers.get(k.topics);
  if (!label) {
    const labels = new Map(k.topics.map((t) => [t.slug, t.label]));
    label = (slug) => labels.get(slug) ?? slug;
    labellers.set(k.topics, label);
  }
  return label;
}

/** The role a person held most recently in the archive, as the meetings give it. */
function personDescription(id: string, meetings: Meeting[], k: Knowledge): string {
  const known = k.people.find((p) => p.id === id);
  const latest = meetings.flatMap((m) => m.participants.filter((p) => p.id === id))[0];
  const role = latest?.role ?? known?.roles.at(-1)?.title ?? null;
  const country = latest?.country ?? known?.country ?? null;
  return [role, country].filter(Boolean).join(', ');
}

export function personTerms(meetings: readonly Meeting[], k: Knowledge): Term[] {
  const grouped = group(meetings, (m) => m.participants.map((p) => p.id));
  return [...grouped.entries()]
    .map(([id, list]) => {
      const name = k.people.find((p) => p.id === id)?.name ?? list[0]!.participants.find((p) => p.id === id)!.name;
      return { kind: 'person' as const, id, label: name, description: personDescription(id, list, k), meetings: list, alsoKnownAs: aliasNames(k.people.find((p) => p.id === id)?.aliases) };
    })
    .sort(byCountThenLabel);
}

/** Aliases as a reader writes them: "Брелл*" (a pattern for any ending) → "Брелл"; each once. */
export function aliasNames(aliases: readonly string[] | undefined): string[] {
  return [...new Set((aliases ?? []).map((a) => a.replace(/\*/g, '').trim()).filter(Boolean))];
}

/** The place a meeting belongs to: its gazetteer id, or an id made from the city (or country) it names. */
export function placeKey(m: Pick<Meeting, 'placeId' | 'location'>): string | null {
  if (m.placeId) return m.placeId;
  const name = m.location.city ?? m.location.country;
  return name ? slugId(name) : null;
}

export function placeTerms(meetings: readonly Meeting[], k: Knowledge): Term[] {
  const grouped = group(meetings, (m) => {
    const key = placeKey(m);
    return key ? [key] : [];
  });
  return [...grouped.entries()]
    .map(([id, list]) => {
      const known = k.places.find((p) => p.id === id);
      const first = list[0]!;
      const label = known?.name ?? first.location.city ?? first.location.country ?? id;
      const country = known?.country ?? first.location.country ?? '';
      return { kind: 'place' as const, id, label, description: label === country ? '' : country, meetings: list };
    })
    .sort(byCountThenLabel);
}

/** Years, newest first; undated meetings have no year page (the years index lists them). */
export function yearTerms(meetings: readonly Meeting[]): Term[] {
  const grouped = group(meetings, (m) => {
    const y = yearOf(m);
    return y ? [y] : [];
  });
  return [...grouped.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([id, list]) => ({ kind: 'year' as const, id, label: id, description: '', meetings: list }));
}

export function undated(meetings: readonly Meeting[]): Meeting[] {
  return newestFirst(meetings.filter((m) => !m.date));
}

function byCountThenLabel(a: Term, b: Term): number {
  return b.meetings.length - a.meetings.length || a.label.localeCompare(b.label, 'en');
}

export interface Neighbour {
  kind: TaxonomyKind;
  id: string;
  label: string;
  count: number;
}

/**
 * Terms that co-occur with a set of meetings: the other topics, people, places and years they
 * carry, most frequent first. The term itself is left out.
 */
export function coOccurring(term: Pick<Term, 'kind' | 'id'>, meetings: readonly Meeting[], k: Knowledge, limit = 12): Record<TaxonomyKind, Neighbour[]> {
  const label = topicLabeller(k);
  const counts = { topic: new Map<string, Neighbour>(), person: new Map<string, Neighbour>(), place: new Map<string, Neighbour>(), year: new Map<string, Neighbour>() };
  const add = (kind: TaxonomyKind, id: string, text: string) => {
    if (kind === term.kind && id === term.id) return;
    const entry = counts[kind].get(id);
    if (entry) entry.count++;
    else counts[kind].set(id, { kind, id, label: text, count: 1 });
  };
  // The first of each id, as find would give it.
  const personName = new Map<string, string>();
  for (const x of k.people) if (!personName.has(x.id)) personName.set(x.id, x.name);
  const placeName = new Map<string, string>();
  for (const x of k.places) if (!placeName.has(x.id)) placeName.set(x.id, x.name);
  for (const m of meetings) {
    for (const t of new Set(m.topics)) add('topic', t, label(t));
    for (const p of new Map(m.participants.map((p) => [p.id, p])).values()) add('person', p.id, personName.get(p.id) ?? p.name);
    const place = placeKey(m);
    if (place) add('place', place, placeName.get(place) ?? m.location.city ?? m.location.country ?? place);
    const y = yearOf(m);
    if (y) add('year', y, y);
  }
  const top = (map: Map<string, Neighbour>) =>
    [...map.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en')).slice(0, limit);
  return { topic: top(counts.topic), person: top(counts.person), place: top(counts.place), year: top(counts.year) };
}

export interface ArchiveCounts {
  meetings: number;
  sources: number;
  topics: number;
  people: number;
  places: number;
  years: number;
  undated: number;
}

export function archiveCounts(meetings: readonly Meeting[], k: Knowledge): ArchiveCounts {
  return {
    meetings: meetings.length,
    sources: meetings.reduce((n, m) => n + m.sources.length, 0),
    topics: topicTerms(meetings, k).filter((t) => t.meetings.length > 0).length,
    people: personTerms(meetings, k).length,
    places: placeTerms(meetings, k).length,
    years: yearTerms(meetings).length,
    undated: undated(meetings).length,
  };
}

