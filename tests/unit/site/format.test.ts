import { describe, expect, it } from 'vitest';
import { dateStatement, formatDate, placeLabel, plural } from '../../../src/site/format.ts';

describe('dates as a reader sees them', () => {
  it('formats a day', () => expect(formatDate('2023-07-13')).toBe('13 July 2023'));
  it('says when there is none', () => expect(formatDate(null)).toBe('Date not settled'));

  it('says the year was inferred when it was', () => {
    const s = dateStatement({ date: '2023-07-13', dateBasis: 'weekday', dateNote: '"July 13" and "Thursday"' });
    expect(s).toMatchObject({ text: '13 July 2023', iso: '2023-07-13', settled: true, inferred: true });
    expect(s.basis).toMatch(/year inferred/);
    expect(s.note).toBe('"July 13" and "Thursday"');
  });

  it('says "date not settled" for an unresolved date, whatever the date field holds', () => {
    const s = dateStatement({ date: null, dateBasis: 'unresolved', dateNote: '"On May 20" has no year' });
    expect(s).toMatchObject({ text: 'Date not settled', iso: null, settled: false, basis: 'date not settled' });
  });

  it('names an editor\'s correction', () => {
    expect(dateStatement({ date: '2020-01-02', dateBasis: 'override', dateNote: 'x' }).basis).toMatch(/editor/);
  });
});

describe('places and counts', () => {
  it.each([
    [{ city: 'Alpha', country: 'Aland' }, 'Alpha, Aland'],
    [{ city: null, country: 'Aland' }, 'Aland'],
    [{ city: null, country: null }, 'Place not settled'],
  ])('%j → %j', (location, out) => expect(placeLabel({ location })).toBe(out));

  it('pluralises', () => {
    expect(plural(1, 'meeting')).toBe('1 meeting');
    expect(plural(2, 'meeting')).toBe('2 meetings');
  });
});
