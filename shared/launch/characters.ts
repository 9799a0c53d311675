// Character classes for untrusted launch text. Each class gets one treatment (see README "Odd characters"):
// forbidden and bidi → the value is refused; invisible → removed with a warning; whitespace → folded to one space.

/**
 * C0/C1 controls other than tab, LF, CR; unpaired surrogates; noncharacters; U+FFFD. No real name, street or
 * code contains them: they mean a broken encoding upstream or an injection attempt, so guessing would be wrong.
 */
export function isForbiddenCodePoint(cp: number): boolean {
  if (cp <= 0x1f) return cp !== 0x09 && cp !== 0x0a && cp !== 0x0d;
  if (cp >= 0x7f && cp <= 0x9f) return true;
  if (cp >= 0xd800 && cp <= 0xdfff) return true; // only unpaired ones reach here: `for..of` pairs the others
  if (cp >= 0xfdd0 && cp <= 0xfdef) return true;
  if ((cp & 0xfffe) === 0xfffe) return true; // U+xFFFE / U+xFFFF in every plane
  return cp === 0xfffd;
}

/**
 * Bidi embeddings, overrides and isolates: they reorder what the regulator sees (the "Trojan source" trick), and a
 * launch value has no legitimate use for them, so the value is refused rather than silently changed.
 */
export function isBidiControl(cp: number): boolean {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/**
 * Zero-width and other invisible formatting characters (ZWSP, ZWJ, LRM/RLM marks, BOM, soft hyphen, variation
 * selectors, Hangul fillers, tag characters). They arrive by copy-paste from web pages and office documents; once
 * removed the value means the same thing, so they are stripped (with a warning) instead of refusing the launch.
 */
export function isInvisibleCodePoint(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x206a && cp <= 0x206f) ||
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0xe0000 && cp <= 0xe007f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** Tab, LF, CR, every space separator (NBSP, narrow NBSP, em space...) and the line/paragraph separators. */
export const WHITESPACE_RUN = /[\t\n\r\p{Zs}\u2028\u2029]+/gu;

/**
 * A safe rendering of untrusted text inside a French message: odd characters become U+FFFD, whitespace one space,
 * and the text is cut to `max` characters, so a hostile value can neither spoof nor flood what the regulator reads.
 */
export function displayable(text: string, max: number): string {
  let shown = '';
  let count = 0;
  for (const ch of text.replace(WHITESPACE_RUN, ' ')) {
    if (count === max) return `${shown}…`;
    const cp = ch.codePointAt(0) ?? 0xfffd;
    shown += isForbiddenCodePoint(cp) || isBidiControl(cp) || isInvisibleCodePoint(cp) ? '\uFFFD' : ch;
    count += 1;
  }
  return shown;
}
