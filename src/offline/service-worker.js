// Parley's service worker. The build (src/offline/emit.ts) writes it to <base>sw.js with the
// precache manifest above this line as `const OFFLINE = {...}`: version, base, budget, files.
//
// - install: cache the whole archive when it is within the budget, else the shell (home, search
//   page, styles and scripts, the search bundle and index); one cache per build version.
// - fetch: pages network-first (a returning reader online sees the new deployment at once;
//   offline, or on a connection slower than a few seconds, the saved copy); everything else
//   cache-first, falling back to the network and keeping what it fetched.
// - a new version waits until a page asks it to take over (the reload notice), so an open page
//   never mixes two builds' search files; old versions' caches go on activation.
// - messages: "status" (what is saved), "save" (fetch the rest, with progress), "skip-waiting".
/* global OFFLINE */
'use strict';

const CACHE = `parley-${OFFLINE.version}`;
const RUNTIME = `parley-runtime-${OFFLINE.version}`;
const NETWORK_WAIT_MS = 4000;
const scopeUrl = new URL(OFFLINE.base, self.location.origin);
const urlOf = (path) => new URL(path, scopeUrl).href;
const notCached = new Set([urlOf('sw.js'), urlOf('parley-offline.zip')]);

function requestFor(path) {
  // Bypass the HTTP cache: a stale file under a new version's name would outlive the deployment.
  return new Request(urlOf(path), { cache: 'reload', credentials: 'same-origin' });
}

async function missing(cache, paths) {
  const out = [];
  for (const path of paths) if (!(await cache.match(urlOf(path)))) out.push(path);
  return out;
}

async function fetchInto(cache, paths, onFile) {
  // A few at a time: fast on a good line, gentle on a poor one.
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++];
      const response = await fetch(requestFor(path));
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      await cache.put(urlOf(path), response);
      if (onFile) onFile(path);
    }
  };
  await Promise.all(Array.from({ length: Math.min(6, paths.length) }, worker));
}

const sizeOf = new Map(OFFLINE.files.map((f) => [f.path, f.size]));
const everything = OFFLINE.files.map((f) => f.path);
const firstVisit = OFFLINE.totalBytes <= OFFLINE.budget ? everything : OFFLINE.shell;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await fetchInto(cache, await missing(cache, firstVisit));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('parley-') && key !== CACHE && key !== RUNTIME) await caches.delete(key);
    await self.clients.claim();
  })());
});

/** The cache key of a URL under the scope: no query, no fragment, "x/index.html" as "x/". */
function keyOf(url) {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  if (u.pathname.endsWith('/index.html')) u.pathname = u.pathname.slice(0, -'index.html'.length);
  return u.href;
}

async function fromCache(url) {
  const key = keyOf(url);
  const keys = [key];
  // "meetings/x" as a host redirects it: try the folder.
  if (!key.endsWith('/') && !/\.[a-z0-9]+$/i.test(new URL(key).pathname)) keys.push(`${key}/`);
  for (const name of [CACHE, RUNTIME]) {
    const cache = await caches.open(name);
    for (const k of keys) {
      const hit = await cache.match(k, { ignoreSearch: true });
      if (hit) return hit;
    }
  }
  return null;
}

async function keep(url, response) {
  if (!response.ok || response.type !== 'basic' || response.redirected) return;
  const cache = await caches.open(RUNTIME);
  await cache.put(keyOf(url), response);
}

function offlinePage() {
  const home = OFFLINE.base;
  const body = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not saved for offline reading · Parley</title>` +
    `<main style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem"><h1>This page is not saved for offline reading</h1>` +
    `<p>You are offline, and this page was not saved on this device. Pages you have opened, and the whole archive once saved for offline use, open without a network.</p>` +
    `<p><a href="${home}">Back to the archive</a></p></main></html>`;
  return new Response(body, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

async function page(request) {
  const cached = fromCache(request.url);
  const network = fetch(request).then((response) => {
    const copy = response.clone();
    keep(request.url, copy).catch(() => {});
    return response;
  });
  const slow = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS));
  try {
    // Network first; a saved copy wins only when the network fails or stalls.
    const first = await Promise.race([network, slow.then(() => cached.then((hit) => hit || network))]);
    return first;
  } catch {
    return (await cached) || offlinePage();
  }
}

async function asset(request) {
  const hit = await fromCache(request.url);
  if (hit) return hit;
  const response = await fetch(request);
  keep(request.url, response.clone()).catch(() => {});
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scopeUrl.origin || !url.pathname.startsWith(scopeUrl.pathname) || notCached.has(keyOf(url.href))) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : asset(request));
});

async function status() {
  const cache = await caches.open(CACHE);
  const left = await missing(cache, everything);
  const missingBytes = left.reduce((sum, p) => sum + (sizeOf.get(p) || 0), 0);
  return {
    version: OFFLINE.version, budget: OFFLINE.budget, totalBytes: OFFLINE.totalBytes, files: everything.length,
    savedFiles: everything.length - left.length, savedBytes: OFFLINE.totalBytes - missingBytes, complete: left.length === 0,
    zipBytes: OFFLINE.zipBytes,
  };
}

async function saveAll(reply) {
  const cache = await caches.open(CACHE);
  const left = await missing(cache, everything);
  let bytes = OFFLINE.totalBytes - left.reduce((sum, p) => sum + (sizeOf.get(p) || 0), 0);
  let files = everything.length - left.length;
  reply({ type: 'progress', savedBytes: bytes, totalBytes: OFFLINE.totalBytes, savedFiles: files, files: everything.length });
  await fetchInto(cache, left, (path) => {
    bytes += sizeOf.get(path) || 0;
    files += 1;
    reply({ type: 'progress', savedBytes: bytes, totalBytes: OFFLINE.totalBytes, savedFiles: files, files: everything.length });
  });
  reply({ type: 'status', ...(await status()) });
}

self.addEventListener('message', (event) => {
  const port = event.ports[0];
  const reply = (message) => (port ? port.postMessage(message) : event.source && event.source.postMessage(message));
  const type = event.data && event.data.type;
  if (type === 'skip-waiting') self.skipWaiting();
  else if (type === 'status') event.waitUntil(status().then((s) => reply({ type: 'status', ...s })));
  else if (type === 'save') event.waitUntil(saveAll(reply).catch((error) => reply({ type: 'error', message: String(error && error.message || error) })));
});
