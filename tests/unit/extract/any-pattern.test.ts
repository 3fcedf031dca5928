// Joining patterns into one alternation must not change which texts match.
import { describe, expect, it } from 'vitest';
import { anyPattern } from '../../../src/extract/any-pattern.ts';

const texts = ['', 'Home', 'home > world', 'Share on X', 'abcabc', 'abab', 'Related', 'related:', 'x related', 'Logo', 'Москва'];
const someMatch = (patterns: RegExp[], text: string) => patterns.some((re) => re.test(text));

describe('anyPattern', () => {
  it('matches exactly when some pattern matches', () => {
    const patterns = [/^logo$/iu, /^(home|главная)\s*([>/|›»].*)?$/iu, /^(share( on| to)?)\b.*$/iu, /related/iu];
    const test = anyPattern(patterns);
    for (const text of texts) expect(test(text), text).toBe(someMatch(patterns, text));
  });

  it('keeps the meaning of backreferences, different flags and named groups', () => {
    const sets = [
      [/^(ab)\1$/u, /^(abc)\1$/u],
      [/^home$/i, /^Logo$/],
      [/^(?<w>home)$/iu, /^(?<w>logo)$/iu],
    ];
    for (const patterns of sets) {
      const test = anyPattern(patterns);
      for (const text of texts) expect(test(text), `${patterns.join(' ')} on ${text}`).toBe(someMatch(patterns, text));
    }
  });

  it('tests global patterns one by one, lastIndex and all, as some() does', () => {
    const test = anyPattern([/home/gi, /logo/gi]);
    const twins = [/home/gi, /logo/gi];
    for (const text of ['home', 'home', 'home logo', 'logo', 'logo']) expect(test(text), text).toBe(someMatch(twins, text));
  });

  it('matches nothing without patterns', () => {
    expect(anyPattern([])('anything')).toBe(false);
  });
});
