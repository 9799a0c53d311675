// Booking URLs (Slot.comment) are opened in the regulator's browser: only plain http(s) URLs to a host name are
// kept. `URL` is not available to shared/ (no DOM or Node types), and a narrower check is wanted anyway: no
// credentials in the authority (`https://user@host` hides the real host), no whitespace, no control characters.

const HTTP_URL =
  /^https?:\/\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]{2,45}\])(?::(\d{1,5}))?(?:[/?#][^\s<>"\\^`{}|]*)?$/iu;

const MAX_BOOKING_URL_LENGTH = 2000;

/** C0 controls and DEL (kept out of the regular expression, where they would be unreadable). */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** True for an absolute http/https URL the console may open. */
export function isBookingUrl(value: string): boolean {
  if (value.length === 0 || value.length > MAX_BOOKING_URL_LENGTH || hasControlCharacter(value)) return false;
  const m = HTTP_URL.exec(value);
  if (!m) return false;
  const port = m[2];
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}
