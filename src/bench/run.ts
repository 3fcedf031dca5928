/**
 * The benchmark: N synthetic articles through the pipeline in a scratch folder, each stage in its
 * own process: convert alone (its throughput); the whole build as `npm run build` runs it
 * (src/build/whole-build.ts: convert, the site started as convert writes its files, astro build
 * with the offline copy made alongside, then Pagefind beside the rest of the copy); the same
 * Markdown through a bare Astro site as the reference; a one-article edit through the convert
 * cache; and search in headless Chromium. Returns the figures; `formatReport` prints them.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractorVersion } from '../convert/cache.ts';
import { loadKnowledgeFiles } from '../knowledge/load.ts';
import { editedArticle, generateArticles, type SyntheticArticle } from './articles.ts';
import { runStage, type StageRun } from './measure.ts';
import { writeReferenceProject } from './reference.ts';
import { measureSearch, type QueryTiming } from './search.ts';
import { siteStats, type SiteStats } from './site-stats.ts';

export interface BenchOptions {
  count: number;
  /** PRNG seed for the articles (default: 1). */
  seed?: number;
  /** Scratch folder (default: a new folder under the system temp dir). */
  scratch?: string;
  /** The project root: scripts, content/ and node_modules (default: the working directory). */
  root?: string;
  /** Skip the browser part (default: false). */
  skipSearch?: boolean;
  /**
   * Rounds of convert, whole build and reference, one after the other (default: 1): the machine's speed
   * drifts between stages, and the median of several rounds' ratios moves less than one.
   */
  rounds?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface StageFigures {
  wallMs: number;
  /** User + system CPU of the stage's processes, ms. */
  cpuMs: number;
  /** One-minute load average before and after the stage. */
  load: [number, number] | null;
  peakBytes: number;
}

export interface BenchResult {
  count: number;
  seed: number;
  scratch: string;
  generate: { wallMs: number; bytes: number };
  /** Convert alone, cold. */
  convert: StageFigures & { meetings: number };
  /**
   * The site half of the whole build (src/build/finish.ts): from its start (`siteStartMs` into
   * the build), astro build, with a worker copying pages into the offline copy as they render
   * (`astroMs`, `copiedEarly` pages), then Pagefind beside the rest of the copy and the
   * precache files (`finishMs`).
   */
  site: { site: SiteStats; siteStartMs: number; astroMs: number; finishMs: number; pages: number; indexBytes: number; zipBytes: number; copiedEarly: number };
  /** The whole build, as `npm run build` runs it (a cold convert, `convertMs` until it ended, and the site), in one process tree. */
  whole: StageFigures & { convertMs: number };
  reference: StageFigures & { site: SiteStats };
  incremental: StageFigures & { identical: boolean; differences: string[]; codeChanged: boolean };
  search: QueryTiming[];
  /** Every round's wall times (the first is the one the tables show). */
  rounds: { convertMs: number; wholeMs: number; referenceMs: number }[];
}

function writeSeeds(dir: string, articles: SyntheticArticle[]): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const a of articles) {
    writeFileSync(join(dir, `${a.id}.txt`), a.text);
    bytes += Buffer.byteLength(a.text);
    if (a.sidecar) writeFileSync(join(dir, `${a.id}.meta.yaml`), a.sidecar);
  }
  return bytes;
}

function check(name: string, run: StageRun): StageRun {
  if (run.code !== 0) throw new Error(`bench: ${name} failed (exit ${run.code}):\n${run.stderr.slice(-4000)}`);
  return run;
}

/** File names whose bytes differ between two folders (or exist in one only). */
export function differingFiles(a: string, b: string): string[] {
  const names = [...new Set([...readdirSync(a), ...readdirSync(b)])].sort();
  return names.filter((n) => {
    try {
      return !readFileSync(join(a, n)).equals(readFileSync(join(b, n)));
    } catch {
      return true;
    }
  });
}

/**
 * A copy of the project's code, data files and config (not its seeds, meetings, build output or
 * packages, which are linked): every stage runs the same code even while people edit the tree,
 * so the incremental convert is not made a cold one by someone's edit mid-run.
 */
export function snapshotProject(root: string, dest: string): void {
  mkdirSync(dest, { recursive: true });
  for (const name of ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'public', 'scripts', 'src', 'content']) {
    const from = join(root, name);
    if (!existsSync(from)) continue;
    cpSync(from, join(dest, name), { recursive: true, filter: (path) => path !== join(root, 'content', 'meetings') });
  }
  mkdirSync(join(dest, 'content', 'meetings'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dest, 'node_modules'), 'dir');
}

/** Queries a reader might type, drawn from the knowledge files: a place, a person, a topic, an outlet. */
function searchQueries(articles: SyntheticArticle[], root: string): string[] {
  const files = loadKnowledgeFiles(join(root, 'content'));
  const used = (term: string) => articles.some((a) => a.kind !== 'not-a-meeting' && a.text.includes(term));
  const candidates = [
    ...files.places.map((p) => p.name),
    ...files.people.map((p) => p.name),
    ...files.topics.flatMap((t) => t.cues.filter((c) => /^[a-z][a-z ]{5,}$/i.test(c))),
    ...files.outlets.map((o) => o.name),
  ];
  const picks: string[] = [];
  for (const pool of [files.places.map((p) => p.name), files.people.map((p) => p.name), candidates]) {
    const found = pool.filter(used).filter((t) => !picks.includes(t));
    picks.push(...found.slice(0, 2));
  }
  return picks.slice(0, 6);
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? 1;
  const scratch = resolve(options.scratch ?? mkdtempSync(join(tmpdir(), `parley-bench-${options.count}-`)));
  mkdirSync(scratch, { recursive: true });
  const dir = (name: string) => join(scratch, name);
  const rounds = Math.max(1, options.rounds ?? 1);
  // A scratch folder given again starts empty: every stage's folder from a run before is removed,
  // those of the rounds after the first too ("site-2", …; nothing is deleted between rounds).
  const stageDir = /^(?:project|seeds|meetings-cold|convert-cache-cold|(?:meetings|build-meetings|site|astro-cache|reference|reference-site|reference-cache|convert-cache|build-convert-cache)(?:-\d+)?)$/;
  for (const name of readdirSync(scratch)) if (stageDir.test(name)) rmSync(dir(name), { recursive: true, force: true });
  log(`copying the project to ${dir('project')}`);
  snapshotProject(resolve(options.root ?? process.cwd()), dir('project'));
  const root = dir('project');
  const baseEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: 'http://localhost:4321', BASE_PATH: '/' };
  const convertEnv = { ...baseEnv, PARLEY_CONVERT_CACHE: dir('convert-cache') };
  const convertOptions = (out: string) => ['--seeds', dir('seeds'), '--out', out, '--report', join(scratch, `${out.split('/').at(-1)}-report.json`), '--quiet'];
  const convertArgs = (out: string) => ['scripts/convert.ts', ...convertOptions(out)];

  log(`generating ${options.count} articles in ${scratch}`);
  let started = performance.now();
  const articles = generateArticles(loadKnowledgeFiles(join(root, 'content')), { count: options.count, seed });
  const bytes = writeSeeds(dir('seeds'), articles);
  const generate = { wallMs: performance.now() - started, bytes };

  // The snapshot's code does not change, but say so if it did: the incremental run would be a cold one.
  const versionBefore = extractorVersion(join(root, 'content'), root);
  /** One round: convert (cold), the whole build (a cold convert again, and the site), the reference, each in folders of its own. */
  const round = async (n: number) => {
    const at = (name: string) => dir(n === 1 ? name : `${name}-${n}`);
    const of = rounds > 1 ? ` (round ${n} of ${rounds})` : '';
    log(`convert (cold)${of}`);
    const convert = check('convert', await runStage(convertArgs(at('meetings')), { cwd: root, env: { ...convertEnv, PARLEY_CONVERT_CACHE: at('convert-cache') } }));
    const buildEnv = { ...baseEnv, PARLEY_CONVERT_CACHE: at('build-convert-cache'), PARLEY_OUT_DIR: at('site'), PARLEY_CACHE_DIR: at('astro-cache'), PARLEY_MEETINGS_DIR: at('build-meetings') };
    log(`whole build: convert, astro build, Pagefind and the offline files${of}`);
    const whole = check('whole build', await runStage(['src/bench/stage.ts', 'build', at('site'), ...convertOptions(at('build-meetings'))], { cwd: root, env: buildEnv }));
    log(`bare reference${of}`);
    writeReferenceProject(at('reference'), { meetingsDir: at('meetings'), outDir: at('reference-site'), cacheDir: at('reference-cache'), nodeModules: join(root, 'node_modules') });
    const reference = check('reference build', await runStage(['src/bench/stage.ts', 'reference', at('reference')], { cwd: root, env: baseEnv }));
    return { convert, whole, reference };
  };
  const played: Awaited<ReturnType<typeof round>>[] = [];
  for (let n = 1; n <= rounds; n++) played.push(await round(n));
  const { convert, whole, reference } = played[0]!;
  const meetings = readdirSync(dir('meetings')).filter((n) => n.endsWith('.md')).length;
  // The whole build converts as convert alone does: the same meeting files.
  const unlike = differingFiles(dir('meetings'), dir('build-meetings'));
  if (unlike.length > 0) throw new Error(`bench: the whole build's convert wrote other meeting files than convert alone: ${unlike.slice(0, 5).join(', ')}`);
  const printed = (label: string) => Number(new RegExp(`^${label}: ([\\d.]+)`, "m").exec(whole.stdout)?.[1] ?? 0);
  const builtSite = siteStats(dir('site'));

  log('convert after one article changed');
  const changed = editedArticle(articles[Math.floor(articles.length / 2)]!);
  writeFileSync(join(dir('seeds'), `${changed.id}.txt`), changed.text);
  const incremental = check('incremental convert', await runStage(convertArgs(dir('meetings')), { cwd: root, env: convertEnv }));
  log('cold convert of the changed articles, to compare');
  rmSync(dir('convert-cache-cold'), { recursive: true, force: true });
  check('cold convert', await runStage(convertArgs(dir('meetings-cold')), { cwd: root, env: { ...baseEnv, PARLEY_CONVERT_CACHE: dir('convert-cache-cold') } }));
  const differences = differingFiles(dir('meetings'), dir('meetings-cold'));
  const codeChanged = extractorVersion(join(root, 'content'), root) !== versionBefore;

  let search: QueryTiming[] = [];
  if (!options.skipSearch) {
    log('search in headless Chromium');
    search = await measureSearch(dir('site'), searchQueries(articles, root));
  }

  started = performance.now();
  const figures = (r: StageRun): StageFigures => ({ wallMs: r.wallMs, cpuMs: r.cpuMs, load: r.load, peakBytes: r.peakBytes });
  return {
    count: options.count,
    seed,
    scratch,
    generate,
    convert: { ...figures(convert), meetings },
    site: {
      site: builtSite,
      siteStartMs: printed('site started'),
      astroMs: printed('astro build'),
      finishMs: printed('after astro build'),
      pages: printed('pages indexed'),
      indexBytes: builtSite.indexBytes,
      zipBytes: printed('offline copy'),
      copiedEarly: printed('copied early'),
    },
    whole: { ...figures(whole), convertMs: printed('convert ended') },
    reference: { ...figures(reference), site: siteStats(dir('reference-site')) },
    incremental: { ...figures(incremental), identical: differences.length === 0, differences: differences.slice(0, 10), codeChanged },
    search,
    rounds: played.map((r) => ({ convertMs: r.convert.wallMs, wholeMs: r.whole.wallMs, referenceMs: r.reference.wallMs })),
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (b: number) => (b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(2)} GiB` : `${(b / 1024 ** 2).toFixed(0)} MiB`);
const size = (b: number) => (b >= 1024 ** 2 ? `${(b / 1024 ** 2).toFixed(1)} MB` : `${(b / 1024).toFixed(0)} KB`);
const timing = (f: StageFigures) => [seconds(f.wallMs), seconds(f.cpuMs), f.load ? `${f.load[0].toFixed(1)} → ${f.load[1].toFixed(1)}` : '', mib(f.peakBytes)];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;

/** The figures as a Markdown table and a list of the targets, met or not. */
export function formatReport(r: BenchResult): string {
  const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  // With several rounds, the targets are judged on the median round.
  const ratios = r.rounds.map((x) => x.wholeMs / x.referenceMs);
  const throughputs = r.rounds.map((x) => r.count / (x.convertMs / 1000));
  const ratio = median(ratios);
  const throughput = median(throughputs);
  const firstMs = r.search.map((q) => q.firstResultMs);
  const maxBytes = Math.max(0, ...r.search.map((q) => q.bytes));
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const lines = [
    `N = ${r.count} articles (seed ${r.seed}, ${size(r.generate.bytes)} of seeds)`,
    '',
    row(['stage', 'wall', 'CPU', 'load before → after', 'peak memory', 'pages', 'output', 'index']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    row(['convert alone', ...timing(r.convert), `${r.convert.meetings} meetings`, '', '']),
    row(['**whole build** (as `npm run build`):', `**${seconds(r.whole.wallMs)}**`, ...timing(r.whole).slice(1), r.site.site.pages, size(r.site.site.bytes), size(r.site.indexBytes)]),
    row(['· convert (the site starts as it writes its files)', seconds(r.whole.convertMs), '', '', '', `site started at ${seconds(r.site.siteStartMs)}`, '', '']),
    row(['· astro build, offline copy alongside', seconds(r.site.astroMs), '', '', '', `${r.site.copiedEarly} copied early`, size(r.site.site.bytes - r.site.indexBytes - r.site.zipBytes), '']),
    row(['· pagefind ∥ rest of the copy', seconds(r.site.finishMs), '', '', '', `${r.site.pages} indexed`, `${size(r.site.zipBytes)} zip`, size(r.site.indexBytes)]),
    row(['bare reference (astro)', ...timing(r.reference), r.reference.site.pages, size(r.reference.site.bytes), '']),
    row(['**ratio whole / reference**', `**${(r.whole.wallMs / r.reference.wallMs).toFixed(2)}×**`, `${(r.whole.cpuMs / r.reference.cpuMs).toFixed(2)}× (CPU)`, '', '', '', '', '']),
    ...(r.rounds.length > 1
      ? [
          '',
          `${r.rounds.length} rounds (convert alone, whole build, reference, one after the other), the first above: ratio ${ratios.map((x) => `${x.toFixed(2)}×`).join(', ')} (median ${ratio.toFixed(2)}×); whole build ${r.rounds.map((x) => seconds(x.wholeMs)).join(', ')}; reference ${r.rounds.map((x) => seconds(x.referenceMs)).join(', ')}; convert ${throughputs.map((x) => x.toFixed(0)).join(', ')} articles/s. The targets below take the median.`,
        ]
      : []),
    '',
    row(['target', 'figure', 'goal', '']),
    row(['---', '---:', '---', '---']),
    row(['whole build / bare reference', `${ratio.toFixed(2)}×`, '≤ 1.5× (aim 1.0×)', mark(ratio <= 1.5)]),
    row(['peak memory (any stage)', mib(r.whole.peakBytes), '≤ 2 GiB', mark(r.whole.peakBytes <= 2 * 1024 ** 3)]),
    row(['convert throughput', `${throughput.toFixed(0)} articles/s`, '≥ 2,000 articles/s', mark(throughput >= 2000)]),
    row([
      'convert after one article changed',
      `${seconds(r.incremental.wallMs)} (CPU ${seconds(r.incremental.cpuMs)}), ${r.incremental.identical ? 'byte-identical to a cold run' : `DIFFERS from a cold run: ${r.incremental.differences.join(', ')}`}${r.incremental.codeChanged ? ' (the converter changed during the run: cache missed)' : ''}`,
      '≤ 2 s, identical',
      mark(r.incremental.wallMs <= 2000 && r.incremental.identical),
    ]),
    row([
      'largest HTML page',
      `${size(r.site.site.largestPage?.bytes ?? 0)} (${r.site.site.largestPage?.path ?? '-'}); ${r.site.site.overLimit} over 200 KB`,
      '≤ 200 KB',
      mark(r.site.site.overLimit === 0),
    ]),
  ];
  if (r.search.length > 0) {
    lines.push(
      row([
        'search: typing → first results',
        `fresh page: median ${median(firstMs).toFixed(0)} ms, max ${Math.max(...firstMs).toFixed(0)} ms; Pagefind loaded: median ${median(r.search.map((q) => q.warmMs)).toFixed(0)} ms (${r.search.length} queries)`,
        '≤ 300 ms',
        mark(Math.max(...firstMs) <= 300),
      ]),
      row(['search: bytes fetched per query', `max ${size(maxBytes)}, median ${size(median(r.search.map((q) => q.bytes)))}`, '≤ 500 KB', mark(maxBytes <= 500 * 1024)]),
      '',
      `queries: ${r.search.map((q) => `"${q.query}" ${q.firstResultMs.toFixed(0)} ms (then ${q.warmMs.toFixed(0)} ms) ${size(q.bytes)} ${q.results} shown`).join('; ')}`,
    );
  }
  return lines.join('\n');
}
