/**
 * View models for the pictures: the meeting map and the timelines, computed from the meetings
 * and the gazetteer, with base-aware links. Pages pass them to WorldMap.astro and Timeline.astro.
 */
import { countByYear, worldMap, yearBars, type MapPlace, type WorldMapModel, type YearBarsModel } from '../pictures/index.ts';
import { href, knowledgeFiles, meetings } from './archive.ts';
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

function matches(m: Meeting, filter: MeetingFilter): boolean {
  if (filter.topic && !m.topics.includes(filter.topic)) return false;
  if (filter.person && !m.participants.some((p) => p.id === filter.person)) return false;
  // The place pages' own key: the gazetteer id, or an id made from the city the report names.
  if (filter.place && placeKey(m) !== filter.place) return false;
  return true;
}

export interface MeetingMap {
  map: WorldMapModel;
  /** Meetings at a place the gazetteer has no coordinates for: on no marker. */
  unplaced: number;
}

/** Every place with meetings, sized by their number; `current` is highlighted. */
export async function meetingMap(options: { current?: string | null } = {}): Promise<MeetingMap> {
  const all = (await meetings()).map((e) => e.data);
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
  return { map: worldMap(places, { current: options.current ?? null }), unplaced };
}

/** Meetings per year, of all meetings or of one topic, person or place. */
export async function meetingTimeline(filter: MeetingFilter = {}, options: { current?: number } = {}): Promise<YearBarsModel | null> {
  const chosen = (await meetings()).map((e) => e.data).filter((m) => matches(m, filter));
  return yearBars(countByYear(chosen.map((m) => m.date)), {
    yearHref: (year) => href(`years/${year}/`),
    current: options.current ?? null,
  });
}
