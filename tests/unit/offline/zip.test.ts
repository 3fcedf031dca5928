// The downloadable zip is the same bytes for the same files, whatever order they come in.
import { unzipSync, zipSync } from 'fflate';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deterministicZip, zipArchive, zipEntry, type ZipEntry } from '../../../src/offline/zip.ts';

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

  it('deflates text, stores already-compressed files as they are, and unzips to the same bytes', () => {
    const page = enc('<p>meeting</p>'.repeat(200));
    const picture = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const text = zipEntry('a.html', page);
    const png = zipEntry('b.png', picture);
    expect(text.method).toBe(8);
    expect(text.data.length).toBeLessThan(page.length / 10);
    expect(png).toMatchObject({ method: 0, data: picture });
    const entries = unzipSync(Buffer.concat(zipArchive([png, text], 'copy')));
    expect(entries['copy/a.html']).toEqual(page);
    expect(entries['copy/b.png']).toEqual(picture);
  });
});

describe('zipArchive', () => {
  it('writes the headers fflate wrote (same bytes for stored entries), with the UTF-8 flag on non-ASCII names', () => {
    const files = new Map([['b.txt', enc('b')], ['a/é.html', enc('<p>é</p>')]]);
    const fixedTime = new Date(2000, 0, 1, 0, 0, 0);
    const fflate = zipSync(Object.fromEntries([...files.keys()].sort().map((p) => [`top/${p}`, [files.get(p)!, { level: 0, mtime: fixedTime }]])), { mtime: fixedTime });
    const stored: ZipEntry[] = [...files].map(([path, bytes]) => ({ path, method: 0, crc: crc32(bytes), size: bytes.length, data: bytes }));
    expect(Buffer.concat(zipArchive(stored, 'top')).equals(Buffer.from(fflate))).toBe(true);
  });
});
