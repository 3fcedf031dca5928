/**
 * Builds the site into a scratch folder (as `npm run build` does, minus conversion: the
 * committed content/meetings/ is the input) and serves it on 127.0.0.1, for the browser tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from '../../src/build/serve.ts';

export interface BuiltSite {
  dir: string;
  base: string;
}

/** Build with `astro build` in a child process (its config reads the environment) and index it. */
export function buildSiteInto(options: { base?: string; meetingsDir?: string; env?: Record<string, string> } = {}): BuiltSite {
  // Inside the project (.scratch/ is git-ignored): with an outDir outside it, Astro 7 shares
  // one .astro/.prerender/ folder between concurrent builds, and they overwrite each other.
  mkdirSync('.scratch', { recursive: true });
  const dir = mkdtempSync(join('.scratch', 'site-'));
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  // Vitest puts Vite's own variables (BASE_URL, MODE, DEV, PROD, SSR) into process.env; a child
  // build inheriting them would take BASE_URL over BASE_PATH.
  const { BASE_URL: _baseUrl, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...inherited } = process.env;
  const env = {
    ...inherited,
    PARLEY_OUT_DIR: join(dir, 'dist'),
    PARLEY_CACHE_DIR: join(dir, 'cache'),
    BASE_PATH: base,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(options.meetingsDir ? { PARLEY_MEETINGS_DIR: options.meetingsDir } : {}),
    ...options.env,
  };
  execFileSync(process.execPath, ['scripts/build-site.ts'], { env, stdio: 'pipe' });
  return { dir: join(dir, 'dist'), base };
}

export function serve(site: BuiltSite): Promise<StaticServer> {
  return serveStatic(site.dir, { base: site.base });
}
