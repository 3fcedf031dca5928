/**
 * Diagnostics are data with positions (after vfile-message): the converter collects them and
 * one reporter prints them as `seeds/x.txt:3:4 rule: message`.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Seed id the diagnostic is about. */
  seed: string;
  /** 1-based line and column in the seed file; 0 when it concerns the whole file. */
  line: number;
  column: number;
  /** Stable id of the check: `date/year-unresolved`, `seed/empty`. */
  rule: string;
  severity: Severity;
  message: string;
}

export function diagnostic(
  seed: string,
  rule: string,
  message: string,
  at: { line: number; column: number } = { line: 0, column: 0 },
  severity: Severity = 'warning',
): Diagnostic {
  return { seed, line: at.line, column: at.column, rule, severity, message };
}

/** One line for a terminal or a log: `seeds/x.txt:3:4 warning date/year-unresolved: …`. */
export function formatDiagnostic(d: Diagnostic, seedPath: (seed: string) => string): string {
  const place = d.line > 0 ? `${seedPath(d.seed)}:${d.line}:${d.column}` : seedPath(d.seed);
  return `${place} ${d.severity} ${d.rule}: ${d.message}`;
}

/** The form kept in a meeting record's `warnings`: readable without the file at hand. */
export function warningText(d: Diagnostic): string {
  const where = d.line > 0 ? ` (${d.seed}, line ${d.line})` : ` (${d.seed})`;
  return `${d.rule}: ${d.message}${where}`;
}
