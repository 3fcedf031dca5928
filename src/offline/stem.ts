/**
 * The Snowball English ("Porter2") stemmer, the algorithm Pagefind stems English words with, so
 * that the offline copy's search matches the same words as the online one. Self-contained (no
 * imports): it is also shipped to the browser as a classic script (see bundle.ts).
 */

const vowels = 'aeiouy';
const doubles = ['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt'];
const liEndings = 'cdeghkmnrt';

// Words the algorithm leaves alone or maps by a table, before any step.
const exceptions: Record<string, string> = {
  skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl',
  ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl', sky: 'sky', news: 'news', howe: 'howe',
  atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes',
};
const invariantAfterStep1a = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);

function isVowel(word: string, i: number): boolean {
  return i >= 0 && i < word.length && vowels.includes(word[i]!);
}

/** Start of the region after the first non-vowel that follows a vowel (from `from`). */
function regionAfter(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++) if (!isVowel(word, i) && isVowel(word, i - 1)) return i + 1;
  return word.length;
}

function endsWithShortSyllable(word: string): boolean {
  const n = word.length;
  if (n === 2) return isVowel(word, 0) && !isVowel(word, 1);
  if (n < 3) return false;
  const c = word[n - 1]!;
  return !isVowel(word, n - 3) && isVowel(word, n - 2) && !isVowel(word, n - 1) && c !== 'w' && c !== 'x' && c !== 'Y';
}

function longestSuffix(word: string, suffixes: readonly string[]): string | null {
  let best: string | null = null;
  for (const s of suffixes) if (word.endsWith(s) && (!best || s.length > best.length)) best = s;
  return best;
}

const step2: Record<string, string> = {
  tional: 'tion', enci: 'ence', anci: 'ance', abli: 'able', entli: 'ent', izer: 'ize', ization: 'ize',
  ational: 'ate', ation: 'ate', ator: 'ate', alism: 'al', aliti: 'al', alli: 'al', fulness: 'ful',
  ousli: 'ous', ousness: 'ous', iveness: 'ive', iviti: 'ive', biliti: 'ble', bli: 'ble', ogi: 'og',
  fulli: 'ful', lessli: 'less', li: '',
};
const step3: Record<string, string> = {
  tional: 'tion', ational: 'ate', alize: 'al', icate: 'ic', iciti: 'ic', ical: 'ic', ful: '', ness: '', ative: '',
};
const step4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion'];

export function stem(input: string): string {
  let word = input;
  if (exceptions[word] !== undefined) return exceptions[word]!;
  if (word.length <= 2) return word;
  if (word.startsWith("'")) word = word.slice(1);
  if (word.startsWith('y')) word = 'Y' + word.slice(1);
  for (let i = 1; i < word.length; i++) if (word[i] === 'y' && isVowel(word, i - 1)) word = word.slice(0, i) + 'Y' + word.slice(i + 1);

  const prefix = ['gener', 'commun', 'arsen'].find((p) => word.startsWith(p));
  const r1 = prefix ? prefix.length : regionAfter(word, 0);
  const r2 = regionAfter(word, r1);
  const inR1 = (suffix: string) => word.length - suffix.length >= r1;
  const inR2 = (suffix: string) => word.length - suffix.length >= r2;
  const isShort = () => endsWithShortSyllable(word) && r1 >= word.length;

  // Step 0: possessives.
  const s0 = longestSuffix(word, ["'s'", "'s", "'"]);
  if (s0) word = word.slice(0, -s0.length);

  // Step 1a: plurals.
  const s1a = longestSuffix(word, ['sses', 'ied', 'ies', 'us', 'ss', 's']);
  if (s1a === 'sses') word = word.slice(0, -2);
  else if (s1a === 'ied' || s1a === 'ies') word = word.slice(0, -3) + (word.length > 4 ? 'i' : 'ie');
  else if (s1a === 's') {
    const stemPart = word.slice(0, -1);
    if ([...stemPart.slice(0, -1)].some((ch) => vowels.includes(ch))) word = stemPart;
  }
  if (invariantAfterStep1a.has(word)) return word;

  // Step 1b: -ed, -ing and the like.
  const s1b = longestSuffix(word, ['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly']);
  if (s1b === 'eed' || s1b === 'eedly') {
    if (inR1(s1b)) word = word.slice(0, -s1b.length) + 'ee';
  } else if (s1b) {
    const stemPart = word.slice(0, -s1b.length);
    if ([...stemPart].some((ch) => vowels.includes(ch))) {
      word = stemPart;
      if (word.endsWith('at') || word.endsWith('bl') || word.endsWith('iz')) word += 'e';
      else if (doubles.some((d) => word.endsWith(d))) word = word.slice(0, -1);
      else if (isShort()) word += 'e';
    }
  }

  // Step 1c: a final y after a consonant (not the first letter) becomes i.
  const last = word.length - 1;
  if ((word[last] === 'y' || word[last] === 'Y') && last > 1 && !isVowel(word, last - 1)) word = word.slice(0, last) + 'i';

  // Step 2.
  const s2 = longestSuffix(word, Object.keys(step2));
  if (s2 && inR1(s2)) {
    if (s2 === 'ogi') { if (word.at(-4) === 'l') word = word.slice(0, -3) + 'og'; }
    else if (s2 === 'li') { if (liEndings.includes(word.at(-3) ?? '')) word = word.slice(0, -2); }
    else word = word.slice(0, -s2.length) + step2[s2]!;
  }

  // Step 3.
  const s3 = longestSuffix(word, Object.keys(step3));
  if (s3 && inR1(s3)) {
    if (s3 === 'ative') { if (inR2(s3)) word = word.slice(0, -5); }
    else word = word.slice(0, -s3.length) + step3[s3]!;
  }

  // Step 4.
  const s4 = longestSuffix(word, step4);
  if (s4 && inR2(s4)) {
    if (s4 === 'ion') { if ('st'.includes(word.at(-4) ?? '-')) word = word.slice(0, -3); }
    else word = word.slice(0, -s4.length);
  }

  // Step 5.
  if (word.endsWith('e')) {
    const before = word.slice(0, -1);
    if (inR2('e') || (inR1('e') && !endsWithShortSyllable(before))) word = before;
  } else if (word.endsWith('l') && inR2('l') && word.at(-2) === 'l') word = word.slice(0, -1);

  return word.replace(/Y/g, 'y');
}
