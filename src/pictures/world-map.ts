/**
 * The meeting map as a view model: the basemap, and one marker per place with meetings, its
 * area proportional to the number of meetings there, each a link with a name a reader hears.
 */
import { naturalEarthBasemap, type Basemap, type BasemapOptions } from './basemap.ts';
import { meetingsPhrase } from './words.ts';

export interface MapPlace {
  id: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  /** Meetings held there. */
  count: number;
  /** Link to the place's page, base path included. */
  href: string;
}

export interface MapMarker {
  id: string;
  x: number;
  y: number;
  /** Radius in user units. */
  r: number;
  count: number;
  href: string;
  /** "Riverton" */
  name: string;
  /** "Riverton, Norland" */
  place: string;
  /** "Riverton, Norland: 2 meetings" */
  label: string;
  /** The place the page is about. */
  current: boolean;
}

export interface WorldMapOptions {
  /** Id of the place to highlight (default: none). */
  current?: string | null;
  /** Radius of a marker for one meeting, in user units (default: 5). */
  minRadius?: number;
  /** Radius of the marker for the most meetings (default: 14). */
  maxRadius?: number;
  /** How the land is drawn (default: the Natural Earth basemap at its defaults). */
  basemap?: Basemap | BasemapOptions;
}

/** Where the highlighted place's name is written: above its marker, or below near the top edge. */
export interface MapLabel {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  below: boolean;
}

export interface WorldMapModel {
  width: number;
  height: number;
  viewBox: string;
  land: string;
  borders: string;
  /** Largest first, so that smaller markers are drawn on top and stay clickable. */
  markers: MapMarker[];
  /** The same places for the text list: most meetings first, then by name. */
  list: MapMarker[];
  /** The highlighted place's marker, when it has one. */
  current: MapMarker | null;
  /** Its name on the map. */
  label: MapLabel | null;
}

/** Places without meetings are left off; the radius grows with the square root of the count. */
export function worldMap(places: readonly MapPlace[], options: WorldMapOptions = {}): WorldMapModel {
  const { current = null, minRadius = 5, maxRadius = 14 } = options;
  const basemap = isBasemap(options.basemap) ? options.basemap : naturalEarthBasemap(options.basemap);
  const shown = places.filter((p) => p.count > 0);
  const most = Math.max(1, ...shown.map((p) => p.count));
  const radius = (count: number) =>
    most === 1 ? minRadius : round1(minRadius + (maxRadius - minRadius) * Math.sqrt((count - 1) / (most - 1)));
  const markers = shown.map((p): MapMarker => {
    const [x, y] = basemap.project(p.lon, p.lat);
    return {
      id: p.id,
      x,
      y,
      r: radius(p.count),
      count: p.count,
      href: p.href,
      name: p.name,
      place: `${p.name}, ${p.country}`,
      label: `${p.name}, ${p.country}: ${meetingsPhrase(p.count)}`,
      current: p.id === current,
    };
  });
  const byName = (a: MapMarker, b: MapMarker) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  const list = [...markers].sort((a, b) => b.count - a.count || byName(a, b));
  // Draw order: big under small; the current place last, on top of all.
  const drawn = [...markers].sort((a, b) => Number(a.current) - Number(b.current) || b.r - a.r || byName(a, b));
  return {
    width: basemap.width,
    height: basemap.height,
    viewBox: `0 0 ${basemap.width} ${basemap.height}`,
    land: basemap.land,
    borders: basemap.borders,
    markers: drawn,
    list,
    current: markers.find((m) => m.current) ?? null,
    label: labelFor(markers.find((m) => m.current), basemap.width),
  };
}

/** Above the marker; below it when it sits near the top; kept off the left and right edges. */
function labelFor(marker: MapMarker | undefined, width: number): MapLabel | null {
  if (!marker) return null;
  const edge = 90;
  const below = marker.y < 40;
  return {
    text: marker.name,
    x: marker.x,
    y: round1(below ? marker.y + marker.r + 22 : marker.y - marker.r - 9),
    anchor: marker.x < edge ? 'start' : marker.x > width - edge ? 'end' : 'middle',
    below,
  };
}

function isBasemap(b: Basemap | BasemapOptions | undefined): b is Basemap {
  return b !== undefined && 'land' in b;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
