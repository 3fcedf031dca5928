// The downloadable zip is the same bytes for the same files, whatever order they come in.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deterministicZip } from '../../../src/offline/zip.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('deterministicZip', () => {
  it('gives identical bytes for the same files in any order, under one folder', () => {
    const a = deterministicZip(new Map([['index.html', enc('<p>home</p>')], ['meetings/a/index.html', enc('<p>a</p>')]]), 'copy');
    const b = deterministicZip(new Map([['meetings/a/index.html', enc('<p>a</p>')], ['index.html', enc('<p>home</p>')]]), 'copy');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const entries = unzipSync(a);
    expect(Object.keys(entries)).toEqual(['copy/index.html', 'copy/meetings/a/index.html']);
    expect(new TextDecoder().decode(entries['copy/meetings/a/index.html'])).toBe('<p>a</p>');
  });
});
