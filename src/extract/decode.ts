/**
 * Turning a seed's bytes into text, or a clear reason why not: empty, binary, not UTF-8, too big.
 */
export const maxSeedBytes = 1024 * 1024;

export type DecodeResult = { ok: true; text: string } | { ok: false; rule: string; reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeSeed(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, rule: 'seed/empty', reason: 'the file is empty (0 bytes)' };
  if (bytes.length > maxSeedBytes)
    return { ok: false, rule: 'seed/too-large', reason: `the file is ${bytes.length} bytes, over the 1 MiB limit` };
  if (bytes.includes(0)) return { ok: false, rule: 'seed/binary', reason: 'the file contains NUL bytes: binary, not text' };
  let text: string;
  try {
    text = strictUtf8.decode(bytes); // strips a leading BOM
  } catch {
    return { ok: false, rule: 'seed/not-utf8', reason: 'the file is not valid UTF-8 text' };
  }
  // Control characters other than tab and line ends mean this is not an article.
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 8 && controls > text.length / 200)
    return { ok: false, rule: 'seed/binary', reason: 'the file is mostly control characters: binary, not text' };
  if (text.trim().length === 0) return { ok: false, rule: 'seed/empty', reason: 'the file holds only white space' };
  return { ok: true, text };
}
