// What a web page of the console may do with navigation, new windows and permissions. Pure decisions, wired to
// Electron's events in web-guards.ts. Deny by default: the renderer is a single page on the app's own origin and
// has no reason to go anywhere else, open windows, or ask for a device.
import { APP_ORIGIN, isAppUrl } from './app-origin';

/** `will-navigate`, `will-frame-navigate` and `will-redirect`: only the app's own origin. */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

export interface WindowOpenDecision {
  /** Always `deny`: the console never opens a second Electron window. */
  action: 'deny';
  /** True when the URL is on the external allow-list and should be opened in the system browser instead. */
  openExternally: boolean;
}

/** `setWindowOpenHandler`: never a new window; an allowed external page goes to the system browser. */
export function decideWindowOpen(url: string, allowsExternal: (url: string) => boolean): WindowOpenDecision {
  return { action: 'deny', openExternally: allowsExternal(url) };
}

/**
 * Permission requests and checks, whatever the permission (camera, geolocation, notifications, clipboard...):
 * refused. The UI needs none of them; a feature that ever does gets its permission added here, for the app's own
 * origin only, with the reason next to it.
 */
export function mayGrantPermission(_permission: string, _requestingUrl: string | undefined): boolean {
  return false;
}

/** The origin a navigation refusal is logged with: never the whole URL, whose query may carry patient data. */
export function originForLog(url: string): string {
  if (isAppUrl(url)) return APP_ORIGIN;
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? `${parsed.protocol}…` : parsed.origin;
  } catch {
    return '(URL illisible)';
  }
}
