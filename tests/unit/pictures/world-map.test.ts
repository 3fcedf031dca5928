// The meeting map's model: Natural Earth land, one linked marker per place with meetings.
import { describe, expect, it } from 'vitest';
import { naturalEarthBasemap, worldMap, type MapPlace } from '../../../src/pictures/index.ts';

const place = (id: string, name: string, country: string, lat: number, lon: number, count: number): MapPlace => ({
  id, name, country, lat, lon, count, href: `/archive/places/${id}/`,
});

const places = [
  place('jakarta', 'Jakarta', 'Indonesia', -6.2088, 106.8456, 2),
  place('moscow', 'Moscow', 'Russia', 55.7558, 37.6173, 8),
  place('astana', 'Astana', 'Kazakhstan', 51.1605, 71.4704, 1),
  place('brasilia', 'Brasília', 'Brazil', -15.7939, -47.8828, 0),
  place('new-york', 'New York', 'United States', 40.7128, -74.006, 1),
];

describe('naturalEarthBasemap', () => {
  const basemap = naturalEarthBasemap();

  it('draws land and borders as whole-unit relative paths, small enough to inline on every page', () => {
    expect(basemap.land).toMatch(/^M-?\d+,-?\d+l/);
    expect(basemap.borders).toMatch(/^M-?\d+,-?\d+/);
    expect(basemap.land + basemap.borders).not.toMatch(/\d\.\d/);
    expect(basemap.land.length + basemap.borders.length).toBeLessThan(10_000);
  });

  it('is wider than tall, cropped above the Arctic and the Antarctic', () => {
    expect(basemap.width).toBe(960);
    expect(basemap.height).toBeGreaterThan(350);
    expect(basemap.height).toBeLessThan(480);
  });

  it('puts north up, east right and every point inside the drawing', () => {
    const [mx, my] = basemap.project(37.6173, 55.7558);
    const [jx, jy] = basemap.project(106.8456, -6.2088);
    const [nx] = basemap.project(-74.006, 40.7128);
    expect(my).toBeLessThan(jy);
    expect(nx).toBeLessThan(mx);
    expect(mx).toBeLessThan(jx);
    const [, southPole] = basemap.project(0, -90);
    expect(southPole).toBe(basemap.height);
  });

  it('follows its options: a narrower drawing keeps the same shape', () => {
    const small = naturalEarthBasemap({ width: 480 });
    expect(small.width).toBe(480);
    expect(Math.abs(small.height * 2 - basemap.height)).toBeLessThanOrEqual(1);
  });
});

describe('worldMap', () => {
  const map = worldMap(places, { current: 'jakarta' });

  it('has one marker per place with meetings, each a link with a name a reader hears', () => {
    expect(map.markers.map((m) => m.id).sort()).toEqual(['astana', 'jakarta', 'moscow', 'new-york']);
    const jakarta = map.markers.find((m) => m.id === 'jakarta')!;
    expect(jakarta.label).toBe('Jakarta, Indonesia: 2 meetings');
    expect(jakarta.place).toBe('Jakarta, Indonesia');
    expect(jakarta.href).toBe('/archive/places/jakarta/');
    expect(map.markers.find((m) => m.id === 'astana')!.label).toBe('Astana, Kazakhstan: 1 meeting');
  });

  it('sizes markers by area: one meeting is the smallest, the most the largest', () => {
    const r = Object.fromEntries(map.markers.map((m) => [m.id, m.r]));
    expect(r.astana).toBe(5);
    expect(r['new-york']).toBe(5);
    expect(r.moscow).toBe(14);
    expect(r.jakarta).toBeGreaterThan(5);
    expect(r.jakarta).toBeLessThan(14);
  });

  it('highlights the current place and draws it last, on top', () => {
    expect(map.current?.id).toBe('jakarta');
    expect(map.markers.at(-1)?.id).toBe('jakarta');
    expect(map.markers.filter((m) => m.current)).toHaveLength(1);
    expect(worldMap(places).current).toBeNull();
    expect(worldMap(places).label).toBeNull();
  });

  it('writes the name of the current place just above its marker, inside the drawing', () => {
    const jakarta = map.current!;
    expect(map.label).toMatchObject({ text: 'Jakarta', x: jakarta.x, anchor: 'middle', below: false });
    expect(map.label!.y).toBeLessThan(jakarta.y - jakarta.r);
    const north = worldMap([place('north', 'North', 'Nowhere', 83, 0, 1)], { current: 'north' }).label!;
    expect(north.below).toBe(true);
    const east = worldMap([place('east', 'East', 'Nowhere', -17, 179, 1)], { current: 'east' }).label!;
    expect(east.anchor).toBe('end');
    const west = worldMap([place('west', 'West', 'Nowhere', -17, -179, 1)], { current: 'west' }).label!;
    expect(west.anchor).toBe('start');
  });

  it('draws larger markers first so smaller ones stay clickable', () => {
    const others = worldMap(places).markers.map((m) => m.r);
    expect(others).toEqual([...others].sort((a, b) => b - a));
  });

  it('lists places for the text list by number of meetings, then by name', () => {
    expect(map.list.map((m) => m.id)).toEqual(['moscow', 'jakarta', 'astana', 'new-york']);
  });

  it('keeps every marker inside the drawing', () => {
    for (const m of map.markers) {
      expect(m.x).toBeGreaterThanOrEqual(0);
      expect(m.x).toBeLessThanOrEqual(map.width);
      expect(m.y).toBeGreaterThanOrEqual(0);
      expect(m.y).toBeLessThanOrEqual(map.height);
    }
    expect(map.viewBox).toBe(`0 0 ${map.width} ${map.height}`);
  });

  it('draws no marker when no place has a meeting', () => {
    const empty = worldMap(places.map((p) => ({ ...p, count: 0 })));
    expect(empty.markers).toEqual([]);
    expect(empty.list).toEqual([]);
  });
});
