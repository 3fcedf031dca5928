import { describe, expect, it } from 'vitest';
import { decodeSeed, maxSeedBytes } from '../../../src/extract/decode.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeSeed', { timeout: 60_000 }, () => {
  const rejected: [string, Uint8Array, string][] = [
    ['empty', new Uint8Array(0), 'seed/empty'],
    ['only white space', bytes(' \n\t\r\n'), 'seed/empty'],
    ['NUL bytes', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]), 'seed/binary'],
    ['invalid UTF-8', new Uint8Array([0x4c, 0x61, 0x76, 0xc3, 0x28, 0x72, 0x6f, 0x76]), 'seed/not-utf8'],
    ['Latin-1 text', new Uint8Array([0x4d, 0x6f, 0x73, 0x63, 0xfa, 0x20, 0x74, 0x61, 0x6c, 0x6b, 0x73]), 'seed/not-utf8'],
    ['control characters', bytes('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010 text'), 'seed/binary'],
    ['over 1 MiB', new Uint8Array(maxSeedBytes + 1).fill(0x61), 'seed/too-large'],
  ];
  for (const [name, input, rule] of rejected) {
    it(`rejects ${name} (${rule}) with a reason`, () => {
      const r = decodeSeed(input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.rule).toBe(rule);
        expect(r.reason.length).toBeGreaterThan(10);
      }
    });
  }

  const accepted: [string, Uint8Array, string][] = [
    ['plain text', bytes('Lavrov met Wang Yi.'), 'Lavrov met Wang Yi.'],
    ['a BOM, stripped', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Text')]), 'Text'],
    ['Cyrillic', bytes('Пекин, 9 апреля'), 'Пекин, 9 апреля'],
    ['exactly 1 MiB', new Uint8Array(maxSeedBytes).fill(0x61), 'a'.repeat(maxSeedBytes)],
  ];
  for (const [name, input, text] of accepted) {
    it(`accepts ${name}`, () => expect(decodeSeed(input)).toEqual({ ok: true, text }));
  }
});
