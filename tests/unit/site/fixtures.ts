// Meeting records for the view-model tests: small, made up, every field the schema has.
import type { Meeting } from '../../../src/schema/meeting.ts';
import type { Knowledge } from '../../../src/site/taxonomy.ts';

export function meeting(over: Partial<Meeting> & { slug: string }): Meeting {
  return {
    title: `Meeting ${over.slug}`,
    date: null,
    dateBasis: 'unresolved',
    dateNote: 'No date in the text.',
    location: { city: 'Alpha', country: 'Aland' },
    locationNote: 'Dateline.',
    placeId: 'alpha',
    occasion: null,
    participants: [{ name: 'Ann Example', role: 'Minister of Foreign Affairs', country: 'Aland', id: 'ann-example' }],
    topics: [],
    sources: [{ seed: 's1', outlet: 'Wire', url: null, published: null, headline: null }],
    summary: 'They met.',
    warnings: [],
    evidence: { date: [], location: [], participants: [], occasion: [], topics: [] },
    ...over,
  };
}

export const knowledge: Knowledge = {
  topics: [
    { slug: 'trade', label: 'Trade', description: 'Trade talks.', cues: ['trade'] },
    { slug: 'security', label: 'Security', description: 'Security talks.', cues: ['security'] },
    { slug: 'unused', label: 'Unused', description: 'Never discussed.', cues: ['unused'] },
  ],
  people: [
    { id: 'ann-example', name: 'Ann Example', country: 'Aland', aliases: ['Anne Example', 'Энн*'], roles: [{ title: 'Minister of Foreign Affairs', from: '2000-01-01' }] },
    { id: 'bo-sample', name: 'Bo Sample', country: 'Boland', aliases: [], roles: [{ title: 'Minister of Foreign Affairs', from: '2000-01-01' }] },
  ],
  places: [
    { id: 'alpha', name: 'Alpha', country: 'Aland', lat: 0, lon: 0, aliases: ['Alfa'], capital: true },
    { id: 'beta', name: 'Beta', country: 'Boland', lat: 1, lon: 1, aliases: [], capital: false },
  ],
};
