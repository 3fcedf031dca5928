// Relative path data: the same outline in fewer bytes.
import { describe, expect, it } from 'vitest';
import { pathPoints, relativePath } from '../../../src/pictures/path-data.ts';

describe('relativePath', () => {
  it.each([
    ['one closed ring', 'M944,294L950,291L949,292Z', 'M944,294l6-3-1,1z'],
    ['two rings: the second starts from where the first closed', 'M10,10L20,10L20,20ZM30,30L31,35Z', 'M10,10l10,0 0,10zm20,20l1,5z'],
    ['open lines (borders)', 'M5,5L6,7M100,50L90,40', 'M5,5l1,2m94,43l-10-10'],
    ['negative coordinates', 'M-3,-4L2,1', 'M-3-4l5,5'],
  ])('%s', (_, absolute, relative) => {
    expect(relativePath(absolute)).toBe(relative);
    expect(pathPoints(relative)).toEqual(pathPoints(absolute));
  });

  it('keeps every point of a long outline', () => {
    const absolute = 'M' + Array.from({ length: 50 }, (_, i) => `${(i * 37) % 960},${(i * 53) % 400}`).join('L') + 'Z';
    const relative = relativePath(absolute);
    expect(pathPoints(relative)).toEqual(pathPoints(absolute));
    expect(relative.length).toBeLessThan(absolute.length);
  });
});
