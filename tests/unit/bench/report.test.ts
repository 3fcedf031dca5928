// The bench's report: with several rounds, each round's ratio is listed and the targets are judged on the median.
import { describe, expect, it } from 'vitest';
import { formatReport, type BenchResult } from '../../../src/bench/run.ts';

const stage = (wallMs: number) => ({ wallMs, cpuMs: wallMs, load: null, peakBytes: 1024 ** 3 });
const site = { pages: 10, bytes: 1000, indexBytes: 100, largestPage: { path: 'index.html', bytes: 100 }, overLimit: 0 };

function result(rounds: BenchResult['rounds']): BenchResult {
  const first = rounds[0]!;
  return {
    count: 10_000,
    seed: 1,
    scratch: '/tmp/x',
    generate: { wallMs: 1, bytes: 1 },
    convert: { ...stage(first.convertMs), meetings: 9_000 },
    site: { site, siteStartMs: 3_500, astroMs: 1, finishMs: 1, pages: 9_000, indexBytes: 100, zipBytes: 100, copiedEarly: 10 },
    whole: { ...stage(first.wholeMs), convertMs: 4_800 },
    reference: { ...stage(first.referenceMs), site },
    incremental: { ...stage(500), identical: true, differences: [], codeChanged: false },
    search: [],
    rounds,
  };
}

const targetRow = (report: string, name: string) => report.split('\n').find((line) => line.startsWith(`| ${name} |`));

describe('formatReport', () => {
  it('judges one round on that round', () => {
    const report = formatReport(result([{ convertMs: 4_000, wholeMs: 30_000, referenceMs: 20_000 }]));
    expect(targetRow(report, 'whole build / bare reference')).toBe('| whole build / bare reference | 1.50× | ≤ 1.5× (aim 1.0×) | met |');
    expect(report).not.toMatch(/rounds/);
    // The whole build is one stage, as npm run build runs it: its convert and when the site started are shown in it.
    expect(report).toMatch(/^\| \*\*whole build\*\* \(as `npm run build`\): \| \*\*30\.0 s\*\* \|/m);
    expect(report).toContain('| · convert (the site starts as it writes its files) | 4.8 s |  |  |  | site started at 3.5 s |');
  });

  it('lists every round and judges the targets on the median round', () => {
    const report = formatReport(result([
      { convertMs: 6_000, wholeMs: 44_000, referenceMs: 20_000 },
      { convertMs: 4_000, wholeMs: 29_000, referenceMs: 20_000 },
      { convertMs: 5_000, wholeMs: 32_000, referenceMs: 20_000 },
    ]));
    expect(report).toContain('3 rounds (convert alone, whole build, reference, one after the other), the first above: ratio 2.20×, 1.45×, 1.60× (median 1.60×)');
    // The first round's own ratio stays in its table.
    expect(report).toMatch(/\| \*\*ratio whole \/ reference\*\* \| \*\*2\.20×\*\* \|/);
    expect(targetRow(report, 'whole build / bare reference')).toBe('| whole build / bare reference | 1.60× | ≤ 1.5× (aim 1.0×) | NOT met |');
    expect(targetRow(report, 'convert throughput')).toBe('| convert throughput | 2000 articles/s | ≥ 2,000 articles/s | met |');
  });
});
