/**
 * The outlet that published a report, from what the page prints, strongest first: an agency code
 * in the dateline ("/NPA/", "(RNA)"), a "Source:" line, a copyright line, the headline's
 * " – Outlet" suffix, a credits line, then the masthead. Codes resolve through outlets.yaml, or
 * through a printed name whose initials they are ("CWS" → "Continental Wire Service").
 */
import type { Knowledge } from '../knowledge/index.ts';
import type { ReportDocument } from './document.ts';

export interface OutletFinding {
  outlet: string | null;
  how: string | null;
  line: number;
}

function canonical(name: string, knowledge: Knowledge): string {
  const cleaned = name.replace(/^[\s:–—-]+|[\s.,:;–—-]+$/g, '').trim();
  const hit = knowledge.outletNames.find(cleaned).find((h) => h.text.length === cleaned.length);
  return hit ? hit.value.name : cleaned;
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');

function titleCase(text: string): string {
  if (text !== text.toUpperCase()) return text;
  return text.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());
}

/** A name on the page whose initials are an agency code: "(PW)" → "Pacific Wire" in the masthead. */
function spelledOut(doc: ReportDocument, letters: string): string | null {
  if (letters.length < 2) return null;
  for (const line of doc.lines) {
    if (line.zone === 'body') continue;
    const words = line.text.split(/[\s|·•]+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const run: string[] = [];
      for (let j = i; j < words.length && run.filter((w) => /^\p{Lu}/u.test(w)).length < letters.length; j++) {
        if (/^\p{Lu}[\p{L}'’-]*$/u.test(words[j]!)) run.push(words[j]!);
        else if (run.length && /^(of|the|and)$/i.test(words[j]!)) run.push(words[j]!);
        else break;
      }
      const name = run.join(' ');
      if (run.length >= letters.length && initials(name) === letters) return titleCase(name);
    }
  }
  return null;
}

export function findOutlet(doc: ReportDocument, knowledge: Knowledge): OutletFinding {
  const named: { name: string; how: string; line: number }[] = [];
  for (const line of doc.lines) {
    const text = line.text;
    const source = text.match(/^(?:source|источник)\s*:\s*(.{2,60})$/iu);
    if (source) named.push({ name: source[1]!, how: 'source line', line: line.line });
    const copyright = text.match(/(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?([^|.\d][^|·•]{1,60}?)(?:\.|\s*[|·•]|\s+all rights reserved|$)/iu);
    if (copyright) named.push({ name: titleCase(copyright[1]!.trim()), how: 'copyright line', line: line.line });
    const reported = text.match(/^(?:the\s+)?([\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+){0,3})\s+reported\b/u);
    if (reported && knowledge.outletNames.find(reported[1]!).length) named.push({ name: reported[1]!, how: 'report attribution', line: line.line });
  }
  const credits = doc.lines.map((l) => ({ l, m: l.text.match(/^\(?(?:credits?|courtesy)\s*[-–:]\s*([^,)]{2,60})/iu) })).find((x) => x.m);

  const dateline = doc.datelines.find((d) => d.code);
  if (dateline?.code) {
    const code = dateline.code;
    const known = knowledge.outletNames.find(code).find((h) => h.text.length === code.length);
    if (known) return { outlet: known.value.name, how: 'dateline agency code', line: dateline.line };
    const letters = code.replace(/[^\p{Lu}]/gu, '');
    const spelled = named.find((n) => initials(n.name) === letters)?.name ?? spelledOut(doc, letters);
    if (spelled) return { outlet: canonical(spelled, knowledge), how: 'dateline agency code', line: dateline.line };
    return { outlet: code, how: 'dateline agency code', line: dateline.line };
  }
  const order = ['source line', 'copyright line'];
  for (const how of order) {
    const n = named.find((x) => x.how === how);
    if (n) return { outlet: canonical(n.name, knowledge), how, line: n.line };
  }
  if (doc.headlineSuffix) {
    const headline = doc.lines.find((l) => l.zone === 'headline');
    return { outlet: canonical(doc.headlineSuffix, knowledge), how: 'headline suffix', line: headline?.line ?? 0 };
  }
  const attributed = named.find((x) => x.how === 'report attribution');
  if (attributed) return { outlet: canonical(attributed.name, knowledge), how: attributed.how, line: attributed.line };
  if (credits?.m) return { outlet: canonical(credits.m[1]!, knowledge), how: 'credits line', line: credits.l.line };
  // The masthead: a short name above the headline, printed on a line of its own.
  const headlineIndex = doc.lines.findIndex((l) => l.zone === 'headline');
  const above = headlineIndex >= 0 ? doc.lines.slice(0, headlineIndex) : [];
  for (const line of above) {
    if (line.chrome || line.zone !== 'header') continue;
    const words = line.text.split(/\s+/);
    if (words.length < 1 || words.length > 5 || /\d|[|:>/]/.test(line.text)) continue;
    if (!words.every((w) => /^[\p{Lu}"“«]/u.test(w) || /^(of|the|and|de|la|le|du|des|di)$/i.test(w)) && !/^[\p{Lu}][\p{Ll}]+\s[\p{Ll}]+$/u.test(line.text)) continue;
    if (line.text === line.text.toUpperCase() && words.length === 1) continue; // a section label
    return { outlet: canonical(titleCase(line.text), knowledge), how: 'masthead', line: line.line };
  }
  return { outlet: null, how: null, line: 0 };
}
