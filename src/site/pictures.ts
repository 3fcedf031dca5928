/**
 * View models for the pictures: the meeting map and the timelines, computed from the meetings
 * and the gazetteer, with base-aware links. Pages pass them to WorldMap.astro and Timeline.astro.
 */
import { countByYear, worldMap, yearBars, type MapPlace, type WorldMapModel, type YearBarsModel, type YearCounts } from '../pictures/index.ts';
import { href, knowledgeFiles, records } from './archive.ts';
import { placeKey } from './taxonomy.ts';
import type { Meeting } from '../schema/meeting.ts';

/** Which meetings a timeline counts (default: all). */
export interface MeetingFilter {
  /** Topic slug. */
  topic?: string;
  /** Participant id. */
  person?: string;
  /** Place id as in the place page's URL. */
  place?: string;
}

/** Each topic's, person's and place's meeting dates, grouped in one pass over the archive. */
interface DateGroups {
  all: (string | null)[];
  topic: Map<string, (string | null)[]>;
  person: Map<string, (string | null)[]>;
  place: Map<string, (string | null)[]>;
}
const groupsByArchive = new WeakMap<readonly Meeting[], DateGroups>();

function add(group: Map<string, (string | null)[]>, key: string, date: string | null): void {
  (group.get(key) ?? group.set(key, []).get(key)!).push(date);
}

// Built once per archive: every topic, person and place page draws a timeline, and filtering
// the whole archive for each would make the build quadratic.
function dateGroups(all: readonly Meeting[]): DateGroups {
  let groups = groupsByArchive.get(all);
  if (!groups) {
    groups = { all: all.map((m) => m.date), topic: new Map(), person: new Map(), place: new Map() };
    for (const m of all) {
      for (const t of new Set(m.topics)) add(groups.topic, t, m.date);
      for (const id of new Set(m.participants.map((p) => p.id))) add(groups.person, id, m.date);
      // The place pages' own key: the gazetteer id, or an id made from the city the report names.
      const place = placeKey(m);
      if (place !== null) add(groups.place, place, m.date);
    }
    groupsByArchive.set(all, groups);
  }
  return groups;
}

/** Dates of the meetings a filter chooses (every condition given must hold). */
function chosenDates(all: readonly Meeting[], filter: MeetingFilter): (string | null)[] {
  const groups = dateGroups(all);
  const { topic, person, place } = filter;
  if (!topic && !person && !place) return groups.all;
  if (topic && !person && !place) return groups.topic.get(topic) ?? [];
  if (person && !topic && !place) return groups.person.get(person) ?? [];
  if (place && !topic && !person) return groups.place.get(place) ?? [];
  // Several conditions at once (no page asks for this today): scan.
  return all.filter((m) => matches(m, filter)).map((m) => m.date);
}

function matches(m: Meeting, filter: MeetingFilter): boolean {
  if (filter.topic && !m.topics.includes(filter.topic)) return false;
  if (filter.person && !m.participants.some((p) => p.id === filter.person)) return false;
  if (filter.place && placeKey(m) !== filter.place) return false;
  return true;
}

export interface MeetingMap {
  map: WorldMapModel;
  /** Meetings at a place the gazetteer has no coordinates for: on no marker. */
  unplaced: number;
}

const mapPlacesByArchive = new WeakMap<readonly Meeting[], { places: MapPlace[]; unplaced: number }>();

/** The gazetteer's places with their meeting counts, counted once per archive (every place page draws the map). */
function mapPlaces(all: readonly Meeting[]): { places: MapPlace[]; unplaced: number } {
  let found = mapPlacesByArchive.get(all);
  if (!found) {
    const counts = new Map<string, number>();
    for (const m of all) if (m.placeId) counts.set(m.placeId, (counts.get(m.placeId) ?? 0) + 1);
    const places: MapPlace[] = knowledgeFiles().places.map((p) => ({
      id: p.id,
      name: p.name,
      country: p.country,
      lat: p.lat,
      lon: p.lon,
      count: counts.get(p.id) ?? 0,
      href: href(`places/${p.id}/`),
    }));
    const known = new Set(places.map((p) => p.id));
    const unplaced = all.filter((m) => !m.placeId || !known.has(m.placeId)).length;
    found = { places, unplaced };
    mapPlacesByArchive.set(all, found);
  }
  return found;
}

/** Every place with meetings, sized by their number; `current` is highlighted. */
export async function meetingMap(options: { current?: string | null } = {}): Promise<MeetingMap> {
  const { places, unplaced } = mapPlaces(await records());
  return { map: worldMap(places, { current: options.current ?? null }), unplaced };
}

// Per list of dates (one per filter, from dateGroups): a term's pages, 50 meetings to a page, all draw its timeline.
const yearCounts = new WeakMap<readonly (string | null)[], YearCounts>();

/** Meetings per year, of all meetings or of one topic, person or place. */
export async function meetingTimeline(filter: MeetingFilter = {}, options: { current?: number } = {}): Promise<YearBarsModel | null> {
  const dates = chosenDates(await records(), filter);
  let counts = yearCounts.get(dates);
  if (!counts) yearCounts.set(dates, (counts = countByYear(dates)));
  return yearBars(counts, {
    yearHref: (year) => href(`years/${year}/`),
    current: options.current ?? null,
  });
}
