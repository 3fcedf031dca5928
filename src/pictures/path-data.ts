/**
 * Shorter SVG path data for whole-unit outlines: d3 writes every point absolute ("L944,294");
 * the same outline with relative steps ("l6-3-1,1") is about a third smaller, and the map
 * is inlined on many pages.
 */

/** Rewrite absolute M/L/Z path data with integer coordinates as relative line steps. */
export function relativePath(d: string): string {
  let out = '';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let inLine = false;
  for (const [, command, args] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (command === 'Z') {
      out += 'z';
      [x, y] = [startX, startY];
      inLine = false;
      continue;
    }
    const [px, py] = args!.split(',').map(Number) as [number, number];
    if (command === 'M') {
      // A subpath starts where the previous one closed or ended: step there relatively too.
      out += `m${pair(px - x, py - y)}`;
      [startX, startY] = [px, py];
      inLine = false;
    } else {
      const step = pair(px - x, py - y);
      out += inLine ? (step.startsWith('-') ? step : ` ${step}`) : `l${step}`;
      inLine = true;
    }
    [x, y] = [px, py];
  }
  // The first "m" is from the origin, so it stands for an absolute position: say so.
  return out.replace(/^m/, 'M');
}

function pair(dx: number, dy: number): string {
  return dy < 0 ? `${dx}${dy}` : `${dx},${dy}`;
}

/** The absolute points of each subpath of M/L/Z or m/l/z path data (for checking a rewrite). */
export function pathPoints(d: string): [number, number][][] {
  const subpaths: [number, number][][] = [];
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  for (const [, command, args] of d.matchAll(/([MLZmlz])([^MLZmlz]*)/g)) {
    if (command === 'Z' || command === 'z') {
      [x, y] = start;
      continue;
    }
    const numbers = (args!.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const relative = command === 'm' || command === 'l';
      x = relative ? x + numbers[i]! : numbers[i]!;
      y = relative ? y + numbers[i + 1]! : numbers[i + 1]!;
      if (i === 0 && (command === 'M' || command === 'm')) {
        start = [x, y];
        subpaths.push([[x, y]]);
      } else subpaths.at(-1)!.push([x, y]);
    }
  }
  return subpaths;
}
