// Makes the OS hand `sas-console://` URLs to this console. Installers register the scheme too (NSIS include,
// Linux .desktop MimeType); registering at start keeps a moved or development build reachable.
import { resolve } from 'node:path';
import type { App } from 'electron';

const CONSOLE_PROTOCOL = 'sas-console';

export interface ProcessFacts {
  /** `process.defaultApp`: true when started as `electron <app path>` (development), not as a packaged app. */
  defaultApp: boolean;
  execPath: string;
  argv: readonly string[];
}

export type ProtocolClientRegistration = { scheme: string } | { scheme: string; path: string; args: string[] };

/**
 * What to pass to `setAsDefaultProtocolClient`. In development the executable is Electron itself, so the OS must
 * also be told which app to run (`electron <app path> -- <url>`); a packaged app, its executable (`<exe> -- <url>`). The URL
 * comes after `--`, so a crafted link that starts with a dash can never be read as a Chromium or Electron switch.
 * Undefined when a development start has no app path to give (nothing sensible to register).
 */
export function protocolClientRegistration(facts: ProcessFacts): ProtocolClientRegistration | undefined {
  // Packaged: the executable itself, and `--` before the URL, as the installer's registry command writes it
  // (Windows builds its command from path and args; macOS and Linux ignore both).
  if (!facts.defaultApp) return { scheme: CONSOLE_PROTOCOL, path: facts.execPath, args: ['--'] };
  const appPath = facts.argv[1];
  if (appPath === undefined || appPath === '' || appPath.startsWith('-')) return undefined;
  return { scheme: CONSOLE_PROTOCOL, path: facts.execPath, args: [resolve(appPath), '--'] };
}

/** Registers the console as the handler of its scheme; returns whether the OS accepted. */
export function registerProtocolClient(app: Pick<App, 'setAsDefaultProtocolClient'>, facts: ProcessFacts): boolean {
  const registration = protocolClientRegistration(facts);
  if (!registration) return false;
  const args: [scheme: string, path?: string, args?: string[]] =
    'path' in registration ? [registration.scheme, registration.path, registration.args] : [registration.scheme];
  // Electronegativity asks for a review of every protocol handler. Reviewed: the scheme is a constant, and what
  // arrives through it is untrusted input that goes through the shared launch parser (every parameter validated,
  // errors named in French) before anything acts on it.
  return app.setAsDefaultProtocolClient(...args); // eng-disable PROTOCOL_HANDLER_JS_CHECK
}
