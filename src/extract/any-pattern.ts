/**
 * One test for "does any of these patterns match?". Testing thirty furniture patterns one by one
 * on every line of every article was a tenth of cleaning; one alternation of them is one call
 * into the regular-expression engine, which also sees that every branch is anchored at `^` and
 * tries the line's start only.
 */

/** A backreference (`\1`, `\k<name>`) counts groups, which an alternation renumbers. */
const backreference = /\\(?:[1-9]|k<)/;
/** `g` and `y` make `test` move `lastIndex`: a shared pattern would then depend on its calls. */
const stateful = /[gy]/;

/**
 * A predicate true exactly when some pattern of `patterns` matches the text. Patterns are joined
 * into one alternation when that cannot change a result (same flags, none stateful, no
 * backreferences, a valid joined source); otherwise each is tested in turn.
 */
export function anyPattern(patterns: readonly RegExp[]): (text: string) => boolean {
  const first = patterns[0];
  if (!first) return () => false;
  const flags = first.flags;
  const joinable =
    !stateful.test(flags) && patterns.every((re) => re.flags === flags && !backreference.test(re.source));
  if (joinable) {
    try {
      const joined = new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), flags);
      return (text) => joined.test(text);
    } catch {
      // Two patterns naming the same group cannot share one source: test them in turn.
    }
  }
  return (text) => patterns.some((re) => re.test(text));
}
