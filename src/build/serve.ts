/**
 * A small static file server for dist/, on 127.0.0.1 only: `npm run preview` and the browser
 * tests use it. Honours a base path ("/archive/") the way a static host would.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.zip': 'application/zip',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface StaticServer {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

function resolveFile(root: string, path: string): string | null {
  const decoded = decodeURIComponent(path.split('?')[0]!);
  const target = normalize(join(root, decoded));
  if (target !== root && !target.startsWith(root + sep)) return null;
  if (existsSync(target) && statSync(target).isDirectory()) {
    const index = join(target, 'index.html');
    return existsSync(index) ? index : null;
  }
  return existsSync(target) ? target : null;
}

export function serveStatic(root: string, options: { base?: string; port?: number; host?: string } = {}): Promise<StaticServer> {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const host = options.host ?? '127.0.0.1';
  const absRoot = normalize(root);
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base) && url !== base.slice(0, -1)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not under the base path');
      return;
    }
    const inner = url === base.slice(0, -1) ? '/' : `/${url.slice(base.length)}`;
    // A directory without its slash: redirect as hosts do, so relative links resolve.
    const pathOnly = inner.split('?')[0]!;
    if (!pathOnly.endsWith('/') && !extname(pathOnly) && existsSync(join(absRoot, pathOnly, 'index.html'))) {
      res.writeHead(301, { location: `${base}${pathOnly.slice(1)}/` }).end();
      return;
    }
    const file = resolveFile(absRoot, inner);
    if (!file) {
      const notFound = join(absRoot, '404.html');
      res.writeHead(404, { 'content-type': types['.html']! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://${host}:${port}${base}`,
        server,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
