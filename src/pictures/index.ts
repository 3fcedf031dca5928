/** Pictures drawn at build time as inline SVG: the meeting map and the timeline of years. */
export { drawBasemap, naturalEarthBasemap, type Basemap, type BasemapOptions } from './basemap.ts';
export { worldMap, type MapMarker, type MapPlace, type WorldMapModel, type WorldMapOptions } from './world-map.ts';
export { countByYear, yearBars, type YearBar, type YearBarsModel, type YearBarsOptions, type YearCounts } from './year-bars.ts';
export { meetingsPhrase } from './words.ts';
