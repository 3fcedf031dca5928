import { describe, expect, it } from 'vitest';
import { byDateDesc, coOccurring, personTerms, placeKey, placeTerms, topicTerms, undated, yearTerms } from '../../../src/site/taxonomy.ts';
import { knowledge, meeting } from './fixtures.ts';

const a = meeting({ slug: '2021-01-01-alpha', date: '2021-01-01', dateBasis: 'explicit', topics: ['trade'] });
const b = meeting({
  slug: '2023-05-05-beta',
  date: '2023-05-05',
  dateBasis: 'explicit',
  topics: ['trade', 'security'],
  location: { city: 'Beta', country: 'Boland' },
  placeId: 'beta',
  participants: [
    { name: 'Ann Example', role: null, country: null, id: 'ann-example' },
    { name: 'Bo Sample', role: 'Minister of Foreign Affairs', country: 'Boland', id: 'bo-sample' },
  ],
});
const c = meeting({ slug: 'undated-gamma-abc123', location: { city: 'Gamma', country: 'Galand' }, placeId: null, topics: ['security'] });
const all = [a, c, b];

describe('taxonomies', () => {
  it('orders newest first, undated last', () => {
    expect([...all].sort(byDateDesc).map((m) => m.slug)).toEqual([b.slug, a.slug, c.slug]);
  });

  it('lists every topic of topics.yaml, even one no meeting has', () => {
    const terms = topicTerms(all, knowledge);
    expect(terms.map((t) => [t.id, t.meetings.map((m) => m.slug)])).toEqual([
      ['trade', [b.slug, a.slug]],
      ['security', [b.slug, c.slug]],
      ['unused', []],
    ]);
    expect(terms[0]!.description).toBe('Trade talks.');
  });

  it('gives people their canonical name and latest role, most meetings first', () => {
    const people = personTerms(all, knowledge);
    expect(people.map((p) => [p.id, p.label, p.meetings.length])).toEqual([
      ['ann-example', 'Ann Example', 3],
      ['bo-sample', 'Bo Sample', 1],
    ]);
    expect(people[1]!.description).toBe('Minister of Foreign Affairs, Boland');
    expect(people[0]!.alsoKnownAs).toEqual(['Anne Example', 'Энн']);
  });

  it('puts undated meetings at their place too, with an id made from the city when the gazetteer has none', () => {
    expect(placeKey(c)).toBe('gamma');
    const places = placeTerms(all, knowledge);
    expect(places.find((p) => p.id === 'gamma')?.meetings.map((m) => m.slug)).toEqual([c.slug]);
    expect(places.find((p) => p.id === 'beta')?.description).toBe('Boland');
  });

  it('has years newest first, and no year for undated meetings', () => {
    expect(yearTerms(all).map((y) => y.id)).toEqual(['2023', '2021']);
    expect(undated(all).map((m) => m.slug)).toEqual([c.slug]);
  });

  it('counts co-occurring terms, leaving the term itself out', () => {
    const trade = topicTerms(all, knowledge)[0]!;
    const co = coOccurring(trade, trade.meetings, knowledge);
    expect(co.topic).toEqual([{ kind: 'topic', id: 'security', label: 'Security', count: 1 }]);
    expect(co.person.map((p) => [p.id, p.count])).toEqual([['ann-example', 2], ['bo-sample', 1]]);
    expect(co.year.map((y) => y.id)).toEqual(['2021', '2023']);
  });
});
