/**
 * The land under the meeting map: Natural Earth's 110m countries (the `world-atlas` package),
 * simplified, projected with Equal Earth and written as two SVG paths, land and borders.
 * Drawn once per build and shared by every map, since it appears on many pages.
 */
import countries from 'world-atlas/countries-110m.json' with { type: 'json' };
import { merge, mesh } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import { geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { relativePath } from './path-data.ts';

export interface BasemapOptions {
  /** Width of the drawing in SVG user units (default: 960). */
  width?: number;
  /** Southernmost latitude drawn: below it lies only Antarctica (default: -57). */
  south?: number;
  /** Northernmost latitude drawn (default: 84). */
  north?: number;
  /** Share of the atlas's points kept when simplifying, 0–1 (default: 0.2). */
  detail?: number;
  /** Islands smaller than this, in square user units, are left out (default: 3). */
  minArea?: number;
  /** Border pieces shorter than this, in user units, are left out (default: 3). */
  minLength?: number;
}

export interface Basemap {
  width: number;
  height: number;
  /** Path data of all land, one path. */
  land: string;
  /** Path data of the borders between countries, one path. */
  borders: string;
  /** Longitude and latitude to x and y in the drawing. */
  project: (lon: number, lat: number) => [number, number];
}

type CountriesTopology = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

/** Project and write the atlas's shapes; coordinates are whole units, small enough to inline. */
export function drawBasemap(topology: CountriesTopology, options: BasemapOptions = {}): Basemap {
  const { width = 960, south = -57, north = 84, detail = 0.2, minArea = 3, minLength = 3 } = options;
  const weighted = presimplify(structuredClone(topology));
  const simplified = simplify(weighted, quantile(weighted, detail));
  const projection: GeoProjection = geoEqualEarth().fitWidth(width, { type: 'Sphere' });
  // Crop the empty rows above the Arctic and the Antarctic, then shift the drawing up to y = 0.
  const top = projection([0, north])![1];
  const bottom = projection([0, south])![1];
  const [tx, ty] = projection.translate();
  projection.translate([tx, ty - top]);
  const height = Math.round(bottom - top);
  projection.clipExtent([[0, 0], [width, height]]);
  const path = geoPath(projection).digits(0);
  const land = merge(simplified, simplified.objects.countries.geometries as never);
  const borders = mesh(simplified, simplified.objects.countries, (a, b) => a !== b);
  // Specks too small to see at any size the map is shown cost bytes on every page: leave them out.
  land.coordinates = land.coordinates.filter((rings) => path.area({ type: 'Polygon', coordinates: rings }) >= minArea);
  borders.coordinates = borders.coordinates.filter((line) => path.measure({ type: 'LineString', coordinates: line }) >= minLength);
  return {
    width,
    height,
    land: relativePath(path(land) ?? ''),
    borders: relativePath(path(borders) ?? ''),
    project: (lon, lat) => {
      const [x, y] = projection([lon, lat]) ?? [NaN, NaN];
      // Keep a point on the edge of the drawing rather than lose it past the cropped rows.
      return [round1(clamp(x, 0, width)), round1(clamp(y, 0, height))];
    },
  };
}

const cache = new Map<string, Basemap>();

/** The Natural Earth basemap, drawn once per set of options. */
export function naturalEarthBasemap(options: BasemapOptions = {}): Basemap {
  const key = JSON.stringify(options);
  let basemap = cache.get(key);
  if (!basemap) {
    basemap = drawBasemap(countries as unknown as CountriesTopology, options);
    cache.set(key, basemap);
  }
  return basemap;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
