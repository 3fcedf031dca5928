// The timeline's model: a bar per year, gaps kept, labels and links to year pages.
import { describe, expect, it } from 'vitest';
import { countByYear, yearBars } from '../../../src/pictures/index.ts';

const yearHref = (year: number) => `/archive/years/${year}/`;

describe('countByYear', () => {
  it('counts meetings per year and keeps undated ones apart', () => {
    const { counts, undated } = countByYear(['2023-07-13', '2023-04-14', null, '2021-07-15', null]);
    expect([...counts].sort()).toEqual([[2021, 1], [2023, 2]]);
    expect(undated).toBe(2);
  });
});

describe('yearBars', () => {
  const model = yearBars(countByYear(['2021-07-15', '2023-04-14', '2023-07-13', '2023-09-18', '2024-05-20', null]), { yearHref })!;

  it('has a bar for every year from the first to the last, gaps included', () => {
    expect(model.bars.map((b) => [b.year, b.count])).toEqual([[2021, 1], [2022, 0], [2023, 3], [2024, 1]]);
    expect(model.first).toBe(2021);
    expect(model.last).toBe(2024);
    expect(model.total).toBe(5);
    expect(model.undated).toBe(1);
  });

  it('links each year with meetings to its year page, and names it for a reader', () => {
    expect(model.bars.map((b) => b.href)).toEqual(['/archive/years/2021/', null, '/archive/years/2023/', '/archive/years/2024/']);
    expect(model.bars.map((b) => b.label)).toEqual(['2021: 1 meeting', '2022: 0 meetings', '2023: 3 meetings', '2024: 1 meeting']);
  });

  it('makes bar heights proportional to counts and stands them on one baseline', () => {
    const [y2021, y2022, y2023] = model.bars;
    expect(y2023!.barHeight).toBe(96);
    expect(y2021!.barHeight).toBe(32);
    expect(y2022!.barHeight).toBe(0);
    for (const b of model.bars) expect(b.barY + b.barHeight).toBe(model.baseline);
    for (const b of model.bars) expect(b.countY).toBeLessThan(b.barY);
  });

  it('keeps a bar for one meeting visible beside a tall one', () => {
    const counts = new Map([[2020, 1], [2021, 400]]);
    expect(yearBars({ counts, undated: 0 }, { yearHref })!.bars[0]!.barHeight).toBeGreaterThanOrEqual(3);
  });

  it('places columns side by side and is never narrower than its minimum', () => {
    expect(model.bars.map((b) => b.x)).toEqual([0, 44, 88, 132]);
    expect(model.width).toBe(6 * 44);
    const many = yearBars({ counts: new Map([[2000, 1], [2019, 2]]), undated: 0 }, { yearHref })!;
    expect(many.bars).toHaveLength(20);
    expect(many.width).toBe(20 * 44);
    expect(many.viewBox).toBe(`0 0 ${many.width} ${many.height}`);
  });

  it('highlights the current year', () => {
    const current = yearBars(countByYear(['2021-01-01', '2023-01-01']), { yearHref, current: 2023 })!;
    expect(current.bars.filter((b) => b.current).map((b) => b.year)).toEqual([2023]);
  });

  it('draws nothing when no meeting has a year', () => {
    expect(yearBars(countByYear([null, null]), { yearHref })).toBeNull();
  });
});
