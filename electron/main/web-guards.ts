// Wires the navigation, window-open and permission policies to every webContents and to the session
// (Electron security checklist, docs/design.md §9). Registered before any window exists, so no webContents escapes.
import type { App, Event as ElectronEvent, Session, WebContents } from 'electron';
import { APP_ORIGIN } from './app-origin';
import { decideWindowOpen, mayGrantPermission, mayNavigate, originForLog } from './navigation-policy';
import { phoneLinkToOpen, type PhoneScheme } from './phone-links';

export interface WebGuardDeps {
  /** The external allow-list's test (ExternalAllowList.allows). */
  allowsExternal: (url: string) => boolean;
  /** Opens an allowed URL in the system browser. */
  openExternal: (url: string) => void;
  log: (line: string) => void;
  /** Phone schemes handed to the OS (softphone); none when absent. */
  phoneSchemes?: readonly PhoneScheme[];
  /** Hands a checked phone link to the OS (shell.openExternal). */
  openPhone?: (link: string) => void;
}

type NavigationEvent = ElectronEvent<{ url: string }>;

/** Installs the guards on one webContents: the console window's, and any other that might ever be created. */
export function guardWebContents(contents: WebContents, deps: WebGuardDeps): void {
  /** A phone link goes to the OS's telephony handler, never a navigation; true when it was one. */
  const dialed = (url: string): boolean => {
    const link = deps.openPhone ? phoneLinkToOpen(url, deps.phoneSchemes ?? []) : undefined;
    if (!link) return false;
    deps.openPhone?.(link);
    return true;
  };
  const refuseForeign = (kind: string) => (event: NavigationEvent) => {
    if (mayNavigate(event.url)) return;
    event.preventDefault();
    if (kind === 'will-navigate' && dialed(event.url)) return;
    deps.log(`navigation refusée (${kind}) vers ${originForLog(event.url)}`);
  };
  contents.on('will-navigate', refuseForeign('will-navigate'));
  contents.on('will-frame-navigate', refuseForeign('will-frame-navigate'));
  contents.on('will-redirect', refuseForeign('will-redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    if (dialed(url)) return { action: 'deny' };
    const decision = decideWindowOpen(url, deps.allowsExternal);
    if (!decision.openExternally) {
      deps.log(`ouverture de fenêtre refusée vers ${originForLog(url)}`);
      return { action: decision.action };
    }
    // Electronegativity asks for a review of every openExternal with a non-constant URL. Reviewed: this is the
    // allow-listed opener of external-opener.ts (not shell.openExternal), and decideWindowOpen has just found the
    // URL's exact origin on the allow-list.
    deps.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: decision.action };
  });
  // No <webview> anywhere in the console (webviewTag is off too): a page that tries to attach one is refused.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log('webview refusée');
  });
}

/** Guards every webContents created from now on. Call before `ready`. */
export function guardAllWebContents(app: Pick<App, 'on'>, deps: WebGuardDeps): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, deps));
}

/**
 * The console saves one kind of file only: the shift journal it builds itself (a `blob:` URL of the app's own origin,
 * a `.csv` name), through the save dialog. Everything else a page might try to download is refused.
 */
function mayDownload(url: string, fileName: string): boolean {
  return url.startsWith(`blob:${APP_ORIGIN}/`) && /^[\w.-]{1,80}\.csv$/u.test(fileName);
}

/** Deny-by-default permission handlers on a session, and no downloads but the journal's CSV export. */
export function lockDownSession(session: Session, log: (line: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = mayGrantPermission(permission, details.requestingUrl);
    if (!granted) log(`permission refusée : ${permission}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    mayGrantPermission(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event, item) => {
    // Without a save path, Electron asks the user where to save: the regulator chooses, nothing is written silently.
    if (item && mayDownload(item.getURL(), item.getFilename())) return;
    event.preventDefault();
    log('téléchargement refusé');
  });
}
