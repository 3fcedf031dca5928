/**
 * Synthetic articles for the benchmark: meetings drawn from the knowledge files (places, people,
 * topics, events, outlets, the lexicon's month and weekday names) and written in the formats real
 * seeds come in: plain text with a dateline, a page with its furniture, an HTML scrape, a Russian
 * press release, second reports of one meeting, exact copies, and reports that are not meetings.
 * Pure and deterministic: the same count and seed give the same bytes.
 */
import type { KnowledgeFiles } from '../knowledge/index.ts';
import type { Country, Language, Outlet, Person, Place, ReferenceEvent, Topic } from '../knowledge/schema.ts';
import { Random } from './random.ts';

export type ArticleKind = 'dateline' | 'page' | 'html' | 'russian' | 'second-report' | 'copy' | 'not-a-meeting';

export interface SyntheticArticle {
  /** Seed id: file name without `.txt`. */
  id: string;
  kind: ArticleKind;
  text: string;
  /** Text of `<id>.meta.yaml`, or null. */
  sidecar: string | null;
}

export interface GenerateOptions {
  count: number;
  /** PRNG seed (default: 1). */
  seed?: number;
}

interface Day {
  year: number;
  month: number;
  day: number;
  weekday: number;
  iso: string;
}

interface DrawnMeeting {
  day: Day;
  place: Place;
  people: [Person, Person];
  topics: Topic[];
  event: ReferenceEvent | null;
}

const cyrillic = /[\u0400-\u04ff]/;
const bare = (phrase: string) => phrase.replace(/\*/g, '');

function dayOf(iso: string): Day {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(), iso };
}

function isoOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Names, cues and words the writers use, drawn once from the knowledge files. */
class Vocabulary {
  readonly en: Language;
  readonly ru: Language | null;
  private readonly countries: Map<string, Country>;
  readonly files: KnowledgeFiles;

  constructor(files: KnowledgeFiles) {
    this.files = files;
    this.en = files.languages.find((l) => l.code === 'en') ?? files.languages[0]!;
    this.ru = files.languages.find((l) => l.code === 'ru') ?? null;
    this.countries = new Map(files.countries.map((c) => [c.name, c]));
  }

  latin(forms: string[]): string[] {
    return forms.filter((f) => !cyrillic.test(f)).map(bare);
  }

  russian(forms: string[]): string[] {
    return forms.filter((f) => cyrillic.test(f)).map(bare);
  }

  adjective(country: string): string | null {
    return this.latin(this.countries.get(country)?.adjectives ?? []).find((a) => /^[A-Z][a-z]/.test(a)) ?? null;
  }

  russianName(names: { name: string; aliases: string[] }): string {
    return this.russian(names.aliases).find((a) => !/[.]/.test(a)) ?? names.name;
  }

  roleOn(person: Person, iso: string): string {
    const role = person.roles.find((r) => r.from <= iso && (!r.to || iso <= r.to));
    return role?.title ?? person.roles[0]!.title;
  }
}

const fillerEn = [
  'The talks lasted about two hours and were held in a constructive atmosphere.',
  'The ministers noted the steady growth of contacts at all levels.',
  'Both sides said they would keep in close touch on the issues discussed.',
  'Officials described the conversation as frank and substantive.',
  'The delegations also reviewed the schedule of upcoming consultations.',
  'A joint press conference was not planned, the officials said.',
  'The two sides signed a plan of consultations for the next two years.',
  'The meeting was the latest in a series of regular contacts between the ministries.',
];
const topicLinesEn = [
  (cue: string) => `The two ministers discussed ${cue} and agreed to stay in close contact.`,
  (cue: string) => `Particular attention was paid to ${cue}, the statement said.`,
  (cue: string) => `They exchanged views on ${cue} and on coordination at multilateral forums.`,
  (cue: string) => `On ${cue}, the two sides said their positions were close or identical.`,
];
const fillerRu = [
  'Переговоры прошли в конструктивной и доверительной атмосфере.',
  'Министры отметили поступательное развитие контактов на всех уровнях.',
  'Стороны договорились поддерживать тесный контакт.',
  'Был также рассмотрен график предстоящих консультаций.',
];
const topicLinesRu = [(cue: string) => `Стороны обсудили тему: ${cue}.`, (cue: string) => `Особое внимание было уделено вопросу «${cue}».`];
const pageTop = ['Skip to content', 'Dark Mode', 'Logo', 'Home | World | Asia | Diplomacy', 'Subscribe | Sign in', 'Menu Search Subscribe'];
const pageShare = ['Share on X   Share on Facebook   Copy link', 'Share', '3 min read', 'Text size: A A A'];
const pageBottom = ['Related', 'Tags: diplomacy, foreign policy', 'Advertisement', 'Back to top', 'Privacy Policy'];

export class ArticleWriter {
  private readonly vocab: Vocabulary;
  private readonly rng: Random;
  private readonly first: number;
  private readonly last: number;

  constructor(files: KnowledgeFiles, seed = 1) {
    this.vocab = new Vocabulary(files);
    this.rng = new Random(seed);
    this.first = Date.UTC(2014, 0, 1);
    this.last = Date.UTC(2025, 11, 31);
  }

  drawMeeting(): DrawnMeeting {
    const { files } = this.vocab;
    const rng = this.rng;
    const event = files.events.length > 0 && rng.chance(0.2) ? rng.pick(files.events) : null;
    const place = event ? (files.places.find((p) => p.id === event.place) ?? rng.pick(files.places)) : rng.pick(files.places);
    let iso: string;
    if (event) {
      const from = Date.parse(event.start);
      const to = Date.parse(event.end);
      iso = isoOf(from + rng.int(0, Math.round((to - from) / 86_400_000)) * 86_400_000);
    } else {
      iso = isoOf(this.first + rng.int(0, Math.round((this.last - this.first) / 86_400_000)) * 86_400_000);
    }
    const a = rng.pick(files.people);
    const others = files.people.filter((p) => p.country !== a.country);
    const b = rng.pick(others.length > 0 ? others : files.people.filter((p) => p !== a));
    const topics = rng.sample(files.topics, rng.int(1, 4));
    return { day: dayOf(iso), place, people: [a, b], topics, event };
  }

  private paragraphsEn(m: DrawnMeeting, long: boolean): string[] {
    const rng = this.rng;
    const out: string[] = [];
    for (const topic of m.topics) {
      const cues = this.vocab.latin(topic.cues);
      if (cues.length > 0) out.push(rng.pick(topicLinesEn)(rng.pick(cues)));
    }
    const fillers = long ? rng.int(30, 60) : rng.int(3, 9);
    for (let i = 0; i < fillers; i++) out.splice(rng.int(0, out.length), 0, rng.pick(fillerEn));
    return out;
  }

  private personEn(p: Person, iso: string): string {
    const adjective = this.vocab.adjective(p.country);
    const role = this.vocab.roleOn(p, iso);
    return adjective ? `${adjective} ${role} ${p.name}` : `${role} of ${p.country} ${p.name}`;
  }

  private leadEn(m: DrawnMeeting, outlet: Outlet, withYear: boolean): { dateline: string; lead: string; headline: string } {
    const { en } = this.vocab;
    const month = en.months[m.day.month - 1]![0]!;
    const weekday = en.weekdays[m.day.weekday]![0]!;
    const [a, b] = m.people;
    const agency = this.rng.pick([outlet.name, ...this.vocab.latin(outlet.aliases)]);
    const dateline = `${m.place.name.toUpperCase()}, ${month} ${m.day.day}${withYear ? `, ${m.day.year}` : ''} (${agency}) -`;
    const when = withYear ? `on ${m.day.day} ${month} ${m.day.year}` : `on ${weekday}`;
    const occasion = m.event ? `, on the sidelines of the ${this.vocab.latin(m.event.cues)[0] ?? m.event.name}` : '';
    const lead = `${this.personEn(a, m.day.iso)} met ${this.personEn(b, m.day.iso)} ${when} in ${m.place.name}${occasion}.`;
    const headline = this.rng.pick([`${a.name} and ${b.name} hold talks in ${m.place.name}`, `${a.name} meets ${b.name} in ${m.place.name}`]);
    return { dateline, lead, headline };
  }

  writeDateline(m: DrawnMeeting, outlet: Outlet, long = false): string {
    const withYear = this.rng.chance(0.7);
    const { dateline, lead, headline } = this.leadEn(m, outlet, withYear);
    const body = this.paragraphsEn(m, long);
    const footer = withYear ? [] : [`© ${m.day.year} ${outlet.name}`];
    return [headline, '', `${dateline} ${lead}`, '', ...body.flatMap((p) => [p, '']), ...footer].join('\n');
  }

  writePage(m: DrawnMeeting, outlet: Outlet): string {
    const { en } = this.vocab;
    const rng = this.rng;
    const { dateline, lead, headline } = this.leadEn(m, outlet, false);
    const header = `${en.weekdays[m.day.weekday]![0]}, ${m.day.day} ${en.months[m.day.month - 1]![0]} ${m.day.year}`;
    const lines = [
      ...rng.sample(pageTop, rng.int(1, 3)),
      header,
      outlet.name,
      '',
      headline,
      '',
      rng.pick(pageShare),
      '',
      `${dateline} ${lead}`,
      '',
      ...this.paragraphsEn(m, false).flatMap((p) => [p, '']),
      `Also Read: ${rng.pick(this.vocab.files.people).name} to visit ${rng.pick(this.vocab.files.places).name} next month`,
      '',
      ...rng.sample(pageBottom, rng.int(1, 3)),
    ];
    // Pages come with Windows line ends and a BOM now and then.
    const text = lines.join(rng.chance(0.3) ? '\r\n' : '\n');
    return rng.chance(0.1) ? `\ufeff${text}` : text;
  }

  writeHtml(m: DrawnMeeting, outlet: Outlet): string {
    const rng = this.rng;
    const { dateline, lead, headline } = this.leadEn(m, outlet, true);
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&#39;');
    const paragraphs = this.paragraphsEn(m, false).map((p) => `<p>${escape(p)}</p>`);
    const decoy = isoOf(Date.parse(m.day.iso) + rng.int(30, 400) * 86_400_000);
    return [
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
      `<title>${escape(headline)} | ${escape(outlet.name)}</title></head><body>`,
      `<nav class="menu">Home&nbsp;|&nbsp;World&nbsp;|&nbsp;Asia</nav>`,
      `<script>window.dataLayer=[{"dateModified":"${decoy}","section":"world"}];</script>`,
      `<article><h1>${escape(headline)}</h1>`,
      `<p>${escape(dateline)} ${escape(lead)}</p>`,
      ...paragraphs,
      '</article>',
      `<aside class="related"><a href="/x">${escape(rng.pick(this.vocab.files.people).name)} speaks to reporters</a></aside>`,
      `<footer>&copy; ${m.day.year} ${escape(outlet.name)}</footer></body></html>`,
    ].join('\r\n');
  }

  writeRussian(m: DrawnMeeting): string {
    const rng = this.rng;
    const ru = this.vocab.ru ?? this.vocab.en;
    const [a, b] = m.people;
    const month = ru.months[m.day.month - 1]![0]!;
    const place = this.vocab.russianName(m.place);
    const nameA = this.vocab.russianName(a);
    const nameB = this.vocab.russianName(b);
    const body: string[] = [];
    for (const topic of m.topics) {
      const cues = this.vocab.russian(topic.cues);
      if (cues.length > 0) body.push(rng.pick(topicLinesRu)(rng.pick(cues)));
    }
    for (let i = rng.int(2, 6); i > 0; i--) body.splice(rng.int(0, body.length), 0, rng.pick(fillerRu));
    return [
      `О встрече ${nameA} с ${nameB}`,
      '',
      `${m.day.day} ${month} ${m.day.year} года в ${place} состоялись переговоры ${nameA} и ${nameB}.`,
      '',
      ...body.flatMap((p) => [p, '']),
    ].join('\n');
  }

  writeNotAMeeting(m: DrawnMeeting): string {
    const [a, b] = m.people;
    const paragraphs = this.paragraphsEn(m, false).filter((p) => !/\bmet\b|discussed|exchanged views/.test(p));
    return [
      `What is at stake when ${a.name} and ${b.name} are expected to meet`,
      '',
      `${a.name} and ${b.name} are expected to meet in ${m.place.name} later this year, officials said, though no date has been set.`,
      '',
      ...paragraphs.flatMap((p) => [p, '']),
    ].join('\n');
  }

  sidecarFor(m: DrawnMeeting, outlet: Outlet, id: string): string | null {
    if (!this.rng.chance(0.3)) return null;
    return `url: https://news.example.org/${m.day.year}/${id}\noutlet: ${outlet.name}\npublished: ${m.day.iso}\n`;
  }

  /** `count` articles: each kind in its share, ids sorted as files would be. */
  generate(count: number): SyntheticArticle[] {
    const rng = this.rng;
    const { outlets } = this.vocab.files;
    const out: SyntheticArticle[] = [];
    let previous: { meeting: DrawnMeeting; article: SyntheticArticle } | null = null;
    for (let i = 0; i < count; i++) {
      const id = `${String(i).padStart(6, '0')}_${rng.hex(16)}`;
      const roll = rng.next();
      const outlet = rng.pick(outlets);
      let kind: ArticleKind;
      let meeting: DrawnMeeting;
      let text: string;
      if (previous && roll < 0.04) {
        kind = 'second-report';
        meeting = previous.meeting;
        text = rng.chance(0.5) ? this.writeDateline(meeting, outlet) : this.writePage(meeting, outlet);
      } else if (previous && roll < 0.05) {
        kind = 'copy';
        meeting = previous.meeting;
        text = previous.article.text;
      } else if (roll < 0.1) {
        kind = 'not-a-meeting';
        meeting = this.drawMeeting();
        text = this.writeNotAMeeting(meeting);
      } else if (roll < 0.2) {
        kind = 'russian';
        meeting = this.drawMeeting();
        text = this.writeRussian(meeting);
      } else if (roll < 0.3) {
        kind = 'html';
        meeting = this.drawMeeting();
        text = this.writeHtml(meeting, outlet);
      } else if (roll < 0.6) {
        kind = 'page';
        meeting = this.drawMeeting();
        text = this.writePage(meeting, outlet);
      } else {
        kind = 'dateline';
        meeting = this.drawMeeting();
        text = this.writeDateline(meeting, outlet, rng.chance(0.01));
      }
      const article: SyntheticArticle = { id, kind, text, sidecar: kind === 'russian' || kind === 'not-a-meeting' ? null : this.sidecarFor(meeting, outlet, id) };
      out.push(article);
      if (kind !== 'not-a-meeting' && kind !== 'copy') previous = { meeting, article };
    }
    return out;
  }
}

/** N articles from the knowledge files, the same for the same options. */
export function generateArticles(files: KnowledgeFiles, options: GenerateOptions): SyntheticArticle[] {
  return new ArticleWriter(files, options.seed ?? 1).generate(options.count);
}

/** One article, changed the way an editor would: a sentence added at the end. */
export function editedArticle(article: SyntheticArticle): SyntheticArticle {
  return { ...article, text: `${article.text.replace(/\s*$/, '')}\n\nThis report was updated with a correction.\n` };
}
