/** Runs `astro build` through Astro's programmatic API; telemetry off, so nothing leaves the machine. */
import { build } from 'astro';

export async function buildSite(): Promise<void> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  await build({ root: process.cwd(), logLevel: 'warn' });
}
