// The precache manifest: a content-hash version, the shell, the files' URLs, the worker file.
import { describe, expect, it } from 'vitest';
import { isShell, precacheManifest, servedPath, serviceWorkerFile, webManifest, type BuiltFile } from '../../../src/offline/precache.ts';

const files: BuiltFile[] = [
  { path: 'meetings/a/index.html', size: 300, sha256: 'a1' },
  { path: 'index.html', size: 100, sha256: 'h1' },
  { path: 'pagefind/fragment/en_1.pf_fragment', size: 50, sha256: 'f1' },
  { path: 'pagefind/pagefind.js', size: 400, sha256: 'p1' },
  { path: 'sw.js', size: 999, sha256: 's1' },
  { path: 'parley-offline.zip', size: 9999, sha256: 'z1' },
];
const options = { base: '/archive/', workerSource: 'worker v1' };

describe('precacheManifest', () => {
  const manifest = precacheManifest(files, options);

  it('lists every served file but the worker and the zip, sorted, by URL', () => {
    expect(manifest.files.map((f) => f.path)).toEqual(['', 'meetings/a/', 'pagefind/fragment/en_1.pf_fragment', 'pagefind/pagefind.js']);
    expect(manifest.totalBytes).toBe(850);
    expect(manifest.budget).toBe(5 * 1024 * 1024);
  });

  it('keeps content pages and fragments out of the shell', () => {
    expect(manifest.shell).toEqual(['', 'pagefind/pagefind.js']);
    expect(isShell('search/index.html')).toBe(true);
    expect(isShell('meetings/a/index.html')).toBe(false);
    expect(isShell('pagefind/pagefind-ui.js')).toBe(false);
    expect(isShell('pagefind/wasm.en.pagefind')).toBe(true);
  });

  it('versions by content: the same files give the same version in any order, a changed file or worker a new one', () => {
    expect(precacheManifest([...files].reverse(), options).version).toBe(manifest.version);
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
    const changed = files.map((f) => (f.path === 'index.html' ? { ...f, sha256: 'h2' } : f));
    expect(precacheManifest(changed, options).version).not.toBe(manifest.version);
    expect(precacheManifest(files, { ...options, workerSource: 'worker v2' }).version).not.toBe(manifest.version);
    // The zip and the worker file do not feed the version: they are derived from the rest.
    const rezipped = files.map((f) => (f.path === 'parley-offline.zip' ? { ...f, sha256: 'z2' } : f));
    expect(precacheManifest(rezipped, options).version).toBe(manifest.version);
  });

  it('writes the worker with the manifest as its first line', () => {
    const sw = serviceWorkerFile(manifest, 'self.x = 1;');
    expect(sw.split('\n')[0]).toBe(`const OFFLINE = ${JSON.stringify(manifest)};`);
    expect(sw.endsWith('self.x = 1;')).toBe(true);
  });
});

describe('servedPath and webManifest', () => {
  it('serves x/index.html at x/', () => {
    expect(servedPath('index.html')).toBe('');
    expect(servedPath('topics/t/2/index.html')).toBe('topics/t/2/');
    expect(servedPath('feed.xml')).toBe('feed.xml');
  });

  it('scopes the install manifest to the base path', () => {
    expect(JSON.parse(webManifest('/archive/'))).toMatchObject({ start_url: '/archive/', scope: '/archive/', display: 'standalone' });
  });
});
