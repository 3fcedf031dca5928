/**
 * Reading a seed's sidecar (`<id>.meta.yaml`): its fields, or a diagnostic naming what is wrong.
 * Most sidecars are a few `key: value` lines of plain text; those are read directly (plainFields),
 * the rest by the YAML parser, which took a twelfth of reading an article.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../extract/diagnostics.ts';
import type { Sidecar } from '../extract/index.ts';

const sidecarSchema = z.object({
  url: z.string().optional(),
  outlet: z.string().optional(),
  published: z.union([z.string(), z.date()]).optional(),
  retrieved: z.union([z.string(), z.date()]).optional(),
  language: z.string().optional(),
});

const fieldLine = /^([a-z]+): (.*)$/;
/**
 * A value YAML reads as the same string: no indicator first, no comment, no `: ` inside, no space
 * at either end, and not one of YAML's nulls, booleans or numbers (those go to the parser).
 */
const plainString = /^[^\s#'"&*!|>%@`{}[\],?:-](?:[^#\t\r]*[^\s#:])?$/;
const yamlSpecial = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\d+|0o[0-7]+|0x[0-9a-fA-F]+|(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?|\.(?:inf|Inf|INF|nan|NaN|NAN)))$/;

/** The fields of a sidecar of plain `key: value` lines, as YAML reads them; null for anything else. */
export function plainFields(text: string): Record<string, string> | null {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const m = fieldLine.exec(line);
    if (!m || m[1]! in fields || !plainString.test(m[2]!) || m[2]!.includes(': ') || yamlSpecial.test(m[2]!)) return null;
    fields[m[1]!] = m[2]!;
  }
  return fields;
}

export function readSidecar(id: string, text: string | null, diagnostics: Diagnostic[]): Sidecar | null {
  if (text === null) return null;
  try {
    const parsed = sidecarSchema.safeParse(plainFields(text) ?? parseYaml(text) ?? {});
    if (!parsed.success) {
      diagnostics.push(diagnostic(id, 'sidecar/invalid', `${id}.meta.yaml: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}; sidecar ignored`));
      return null;
    }
    const day = (v: string | Date | undefined) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
    return { ...parsed.data, published: day(parsed.data.published), retrieved: day(parsed.data.retrieved) };
  } catch (error) {
    diagnostics.push(diagnostic(id, 'sidecar/invalid', `${id}.meta.yaml is not valid YAML (${(error as Error).message.split('\n')[0]}); sidecar ignored`));
    return null;
  }
}
