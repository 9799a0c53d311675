// Phone numbers on the cards are plain `tel:` links. Under Electron the navigation guards refuse any navigation off
// the app's origin and the permission handler refuses `openExternal`, so a click did nothing; the regulator's
// softphone is the OS handler of the scheme. Main hands a phone link to the OS itself, for the schemes the
// workstation allows (`tel:` by default; `callto:` and `sip:` when its softphone registers those), and only when
// the link is a phone number or a SIP address, nothing else. Pure: no Electron import.

const PHONE_SCHEMES = ['tel:', 'callto:', 'sip:'] as const;
export type PhoneScheme = (typeof PHONE_SCHEMES)[number];
export const DEFAULT_PHONE_SCHEMES: readonly PhoneScheme[] = ['tel:'];
export const PHONE_SCHEMES_VARIABLE = 'SAS_PHONE_SCHEMES';

const NUMBER = /^\+?[0-9][0-9.() -]{1,30}$/u;
const SIP_ADDRESS = /^[\w.+-]{1,64}@[a-z0-9.-]{1,253}$/iu;

/** Reads `SAS_PHONE_SCHEMES` ("tel,sip"); unknown entries are ignored, unset or empty gives the default. */
export function parsePhoneSchemes(text: string | undefined): readonly PhoneScheme[] {
  const wanted = (text ?? '')
    .split(',')
    .map((entry) => `${entry.trim().toLowerCase().replace(/:$/u, '')}:`)
    .filter((entry): entry is PhoneScheme => (PHONE_SCHEMES as readonly string[]).includes(entry));
  return wanted.length > 0 ? [...new Set(wanted)] : DEFAULT_PHONE_SCHEMES;
}

/** The link to hand to the OS when `url` is an allowed phone link, else undefined. */
export function phoneLinkToOpen(url: string, schemes: readonly PhoneScheme[]): string | undefined {
  if (typeof url !== 'string' || url.length > 300) return undefined;
  const colon = url.indexOf(':');
  if (colon < 0) return undefined;
  const scheme = url.slice(0, colon + 1).toLowerCase() as PhoneScheme;
  if (!schemes.includes(scheme)) return undefined;
  let target: string;
  try {
    target = decodeURIComponent(url.slice(colon + 1));
  } catch {
    return undefined;
  }
  const valid = scheme === 'sip:' ? SIP_ADDRESS.test(target) : NUMBER.test(target);
  if (!valid) return undefined;
  // Re-serialised from the checked parts: only digits, separators or a SIP address reach the OS.
  return `${scheme}${scheme === 'sip:' ? target : target.replace(/[.() -]/gu, '')}`;
}
