import { describe, expect, it } from 'vitest';
import { bibtex, plainCitation } from '../../../src/site/cite.ts';
import { meetingView, neighboursInTime, relatedMeetings } from '../../../src/site/meeting.ts';
import { meetingJsonLd, scriptJson } from '../../../src/site/structured-data.ts';
import type { Meeting } from '../../../src/schema/meeting.ts';
import { knowledge, meeting } from './fixtures.ts';

const m1 = meeting({ slug: '2020-01-01-alpha', date: '2020-01-01', dateBasis: 'explicit', topics: ['trade'], occasion: 'Summit' });
const m2 = meeting({ slug: '2021-01-01-alpha', date: '2021-01-01', dateBasis: 'explicit', topics: ['security'] });
const m3 = meeting({ slug: '2022-01-01-alpha', date: '2022-01-01', dateBasis: 'explicit', topics: ['trade', 'security'], occasion: 'Summit' });
const m4 = meeting({ slug: '2023-01-01-alpha', date: '2023-01-01', dateBasis: 'explicit', topics: [] });
const u = meeting({ slug: 'undated-alpha-aaaaaa', topics: ['trade'] });
const all = [m1, m2, m3, m4, u];

describe('the meeting page model', () => {
  it('finds the meetings before and after in time', () => {
    expect(neighboursInTime(all, m2)).toMatchObject({ earlier: { slug: m1.slug }, later: { slug: m3.slug } });
    expect(neighboursInTime(all, m1).earlier).toBeNull();
    expect(neighboursInTime(all, m4).later).toBeNull();
    expect(neighboursInTime(all, u)).toEqual({ earlier: null, later: null });
  });

  it('relates the same occasion first, then shared topics; nothing shared, not related', () => {
    const related = relatedMeetings(all, m1);
    expect(related.map((r) => [r.slug, r.why])).toEqual([
      [m3.slug, 'same occasion'],
      [u.slug, '1 shared topic'],
    ]);
    expect(relatedMeetings(all, m4)).toEqual([]);
  });

  it('keeps the best few, nearest in time first among equals', () => {
    const many = Array.from({ length: 30 }, (_, i) => meeting({ slug: `${2000 + i}-01-01-x`, date: `${2000 + i}-01-01`, dateBasis: 'explicit', topics: ['trade'] }));
    const centre = many[15]!;
    expect(relatedMeetings(many, centre, 4).map((r) => r.slug)).toEqual(['2014-01-01-x', '2016-01-01-x', '2013-01-01-x', '2017-01-01-x']);
  });

  it('counts each listing of a shared person, as scoring one by one does', () => {
    const person = (id: string) => ({ id, name: id, role: null, country: null });
    const page = meeting({ slug: '2020-01-01-page', date: '2020-01-01', dateBasis: 'explicit', topics: ['trade'], participants: [person('ann-example')], placeId: 'here' });
    // Ann listed twice: 3 for the topic and 2 for her, as the same place and Ann once score far away.
    const twice = meeting({ slug: '2020-02-01-twice', date: '2020-02-01', dateBasis: 'explicit', topics: ['trade'], participants: [person('ann-example'), person('ann-example')], placeId: 'there' });
    const far = meeting({ slug: '2010-01-01-far', date: '2010-01-01', dateBasis: 'explicit', topics: ['trade'], participants: [person('ann-example')], placeId: 'here' });
    expect(relatedMeetings([page, twice, far], page, 1).map((r) => r.slug)).toEqual([twice.slug]);
    expect(relatedMeetings([page, twice, far], page, 2).map((r) => r.why)).toEqual(['1 shared topic', '1 shared topic']);
  });

  it('finds the same related meetings as scoring every meeting against every other', () => {
    // A made-up archive where most meetings share a topic with most others, as real archives do.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const topics = ['trade', 'security', 'energy', 'health', 'culture', 'transport'];
    const people = ['ann-example', 'bo-sample', 'cy-trial', 'di-test'];
    // Now and then someone listed twice: each listing counts.
    const listed = (ids: string[]) => (ids.length > 0 && next(8) === 0 ? [...ids, ids[0]!] : ids);
    const archive = Array.from({ length: 400 }, (_, i) => meeting({
      slug: `m-${String(i).padStart(3, '0')}`,
      date: next(5) === 0 ? null : `20${10 + next(10)}-0${1 + next(9)}-1${next(10)}`,
      topics: topics.filter(() => next(2) === 0),
      occasion: next(6) === 0 ? `Summit ${next(3)}` : null,
      placeId: `place-${next(4)}`,
      participants: listed(people.filter(() => next(2) === 0)).map((id) => ({ id, name: id, role: null, country: null })),
    }));
    expect(archive.some((m) => new Set(m.participants.map((p) => p.id)).size < m.participants.length)).toBe(true);
    const day = (d: string | null) => (d ? Date.parse(d) / 86_400_000 : null);
    const everyPair = (m: Meeting) => archive
      .filter((x) => x !== m)
      .map((x) => {
        const sameOccasion = !!m.occasion && x.occasion === m.occasion;
        const topicsShared = x.topics.filter((t) => m.topics.includes(t)).length;
        const score = (sameOccasion ? 100 : 0) + topicsShared * 3 + x.participants.filter((p) => m.participants.some((q) => q.id === p.id)).length + (x.placeId === m.placeId ? 1 : 0);
        const [a, b] = [day(m.date), day(x.date)];
        return { slug: x.slug, sameOccasion, topicsShared, score, distance: a !== null && b !== null ? Math.abs(a - b) : Number.MAX_SAFE_INTEGER };
      })
      .filter((c) => c.sameOccasion || c.topicsShared > 0)
      .sort((a, b) => b.score - a.score || a.distance - b.distance || (a.slug < b.slug ? -1 : 1))
      .slice(0, 5)
      .map((c) => c.slug);
    for (const m of archive) expect(relatedMeetings(archive, m).map((r) => r.slug), m.slug).toEqual(everyPair(m));
  });

  it('groups evidence under each topic, once per sentence, and drops non-web source URLs', () => {
    const ev = { seed: 's1', line: 3, text: 'They discussed trade.', topic: 'trade', cue: 'trade' };
    const m = meeting({
      slug: '2020-02-02-alpha',
      topics: ['trade'],
      evidence: { date: [], location: [], participants: [], occasion: [], topics: [ev, { ...ev }] },
      sources: [{ seed: 's1', outlet: null, url: 'javascript:alert(1)' as never, published: '2020-02-03', headline: 'H' }],
    });
    const view = meetingView(m, knowledge);
    expect(view.topics).toEqual([{ slug: 'trade', label: 'Trade', evidence: [ev] }]);
    expect(view.sources[0]).toMatchObject({ outlet: 'Unattributed report', url: null, publishedText: '3 February 2020' });
  });
});

describe('citations', () => {
  const url = 'https://parley.example/meetings/2020-01-01-alpha/';
  it('carries the stable URL in the plain citation', () => {
    expect(plainCitation(m1, url)).toBe(`“Meeting 2020-01-01-alpha” (1 January 2020, Alpha, Aland). Parley archive of diplomatic meetings. ${url}`);
  });

  it('writes BibTeX with its specials escaped', () => {
    const tricky = { ...m1, title: 'A {b} & 50% of c_d \\ e' };
    const entry = bibtex(tricky, url);
    expect(entry).toMatch(/^@misc\{parley-2020-01-01-alpha,\n/);
    expect(entry).toContain('title = {A \\{b\\} \\& 50\\% of c\\_d \\textbackslash{} e}');
    expect(entry).toContain(`url = {${url}}`);
    expect(entry).toContain('year = 2020');
    expect(entry.endsWith('\n}')).toBe(true);
  });
});

describe('structured data', () => {
  it('describes the meeting as a schema.org Event', () => {
    const ld = meetingJsonLd(m1, 'https://x/');
    expect(ld).toMatchObject({ '@type': 'Event', startDate: '2020-01-01', location: { '@type': 'Place', name: 'Alpha, Aland' }, superEvent: { name: 'Summit' } });
    expect(meetingJsonLd(u, 'https://x/')).not.toHaveProperty('startDate');
  });

  it('cannot close its <script> element, whatever the text', () => {
    const json = scriptJson({ t: '</script><script>alert(1)</script>\u2028&' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ t: '</script><script>alert(1)</script>\u2028&' });
  });
});

describe('evidence highlighting', () => {
  it('marks the cue as written, else ignoring case, else nothing', async () => {
    const { highlight } = await import('../../../src/site/meeting.ts');
    expect(highlight('They discussed Trade and trade.', 'trade')).toEqual([
      { text: 'They discussed Trade and ', mark: false },
      { text: 'trade', mark: true },
      { text: '.', mark: false },
    ]);
    expect(highlight('TRADE first', 'trade')).toEqual([{ text: 'TRADE', mark: true }, { text: ' first', mark: false }]);
    expect(highlight('Nothing here', 'trade')).toEqual([{ text: 'Nothing here', mark: false }]);
    expect(highlight('No cue', undefined)).toEqual([{ text: 'No cue', mark: false }]);
  });
});

describe('reports on the meeting page', () => {
  it('numbers each source\'s report when the body has one section per source, and only then', async () => {
    const { meetingPageModel } = await import('../../../src/site/meeting.ts');
    const two = meeting({
      slug: '2020-03-03-alpha',
      sources: [
        { seed: 'a', outlet: 'Wire', url: null, published: null, headline: null },
        { seed: 'b', outlet: 'Paper', url: null, published: null, headline: null },
      ],
    });
    expect(meetingPageModel(two, [two], knowledge, '## Wire\n\nOne.\n\n## Paper\n\nTwo.\n').reports).toEqual({ a: 1, b: 2 });
    expect(meetingPageModel(two, [two], knowledge, '## Wire\n\nOne.\n').reports).toEqual({});
  });
});
