// Turns a decoded parameter value into clean text: odd characters refused or removed, Unicode NFC, whitespace
// folded. The per-class decisions are in `characters.ts`.
import { isBidiControl, isForbiddenCodePoint, isInvisibleCodePoint, WHITESPACE_RUN } from './characters';

export type CleanText =
  | { ok: true; text: string; invisibleRemoved: boolean }
  | { ok: false; problem: 'forbidden-character' | 'bidi-control' };

export function cleanText(decoded: string): CleanText {
  let kept = '';
  let invisibleRemoved = false;
  for (const ch of decoded) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    if (isForbiddenCodePoint(cp)) return { ok: false, problem: 'forbidden-character' };
    if (isBidiControl(cp)) return { ok: false, problem: 'bidi-control' };
    if (isInvisibleCodePoint(cp)) {
      invisibleRemoved = true;
      continue;
    }
    kept += ch;
  }
  // NFC after removal: a zero-width joiner between a letter and its accent would otherwise block composition,
  // and "é" typed as e + U+0301 must compare equal to the precomposed "é" the directory holds.
  const text = kept.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
  return { ok: true, text, invisibleRemoved };
}
