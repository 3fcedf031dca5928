/**
 * A copy of a string cut from a larger one (a page) that does not keep the larger one alive: V8
 * makes a substring of 13 characters or more a slice that holds its whole parent, so a map key or
 * an index entry cut from a page would keep the page in memory for as long as the map lives. Pure.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
