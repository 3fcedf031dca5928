// The Snowball English stemmer, row by row against the algorithm's published behaviour.
import { describe, expect, it } from 'vitest';
import { stem } from '../../../src/offline/stem.ts';

const rows: [string, string][] = [
  ['caresses', 'caress'], ['ponies', 'poni'], ['ties', 'tie'], ['cats', 'cat'], ['gas', 'gas'],
  ['feed', 'feed'], ['agreed', 'agre'], ['plastered', 'plaster'], ['motoring', 'motor'], ['sing', 'sing'],
  ['conflated', 'conflat'], ['troubled', 'troubl'], ['sized', 'size'], ['hopping', 'hop'], ['tanned', 'tan'],
  ['falling', 'fall'], ['hissing', 'hiss'], ['fizzed', 'fizz'], ['failing', 'fail'], ['filing', 'file'],
  ['happy', 'happi'], ['sky', 'sky'], ['relational', 'relat'], ['conditional', 'condit'],
  ['generalization', 'general'], ['generously', 'generous'], ['consistency', 'consist'],
  ['meetings', 'meet'], ['meeting', 'meet'], ['ministers', 'minist'], ['cooperation', 'cooper'],
  ['diplomatic', 'diplomat'], ['news', 'news'], ['dying', 'die'], ['samarkand', 'samarkand'],
];

describe('stem', () => {
  it.each(rows)('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('leaves words of one or two letters alone', () => {
    expect(stem('is')).toBe('is');
    expect(stem('a')).toBe('a');
  });
});
