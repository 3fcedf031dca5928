/**
 * When the meeting files may be read. `npm run build` starts Astro's process while the converter
 * is still writing them (whole-build.ts): Astro's own start-up (its modules, config and Vite, a
 * second or more of one core) then runs beside the converter's last step, which keeps only one
 * of two cores busy. The site's meetings reader (meetings-reader.ts) waits here before it lists
 * the folder; the build tells Astro's process when the converter has ended (astro-process.ts).
 *
 * The reader runs in Astro's bundle of the site, a module graph apart from the one that starts
 * Astro, so the wait is kept on globalThis under a registered symbol, which both see.
 */
const heldKey = Symbol.for('parley.meetings-ready');
const holder = globalThis as { [heldKey]?: Promise<void> };

/** Makes the meetings reader wait for `ready`. */
export function holdMeetingsUntil(ready: Promise<void>): void {
  holder[heldKey] = ready;
}

/** Settles once the meeting files may be read: at once, unless a build holds them. */
export function meetingsReady(): Promise<void> {
  return holder[heldKey] ?? Promise.resolve();
}
