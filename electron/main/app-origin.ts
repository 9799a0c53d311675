// The app's own origin, `app://console`, and the one test of "is this URL one of ours" that the IPC wrapper, the
// navigation guards and the protocol handler share. Pure: no Electron import, so it runs in unit tests as is.

export const APP_SCHEME = 'app';
const APP_HOST = 'console';
/** The app's own pages are served from this origin (see app-protocol.ts). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the console window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether `url` is on the app's own origin. Parsed, never prefix-matched: `app://console.evil/`,
 * `app://console@evil/` or `app://console:81/` are other origins. Node's URL keeps a non-special scheme's host
 * as written, so an upper-case host is refused too (Chromium would lower-case it; refusing is the safe side).
 */
export function isAppUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 8192) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
