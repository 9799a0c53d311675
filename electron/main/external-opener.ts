// The one way main opens a page in the system browser (login at the identity provider, a publisher's booking
// page): only URLs whose origin is on the external allow-list, and only as the parsed, re-serialised URL.
import type { Shell } from 'electron';
import { originForLog } from './navigation-policy';

export interface ExternalOpenerDeps {
  allows: (url: string) => boolean;
  shell: Pick<Shell, 'openExternal'>;
  log: (line: string) => void;
}

/** Opens `url` in the system browser when allowed; resolves to whether it was opened. Never throws. */
export type OpenExternal = (url: string) => Promise<boolean>;

export function createExternalOpener(deps: ExternalOpenerDeps): OpenExternal {
  return async (url) => {
    if (!deps.allows(url)) {
      deps.log(`ouverture externe refusée vers ${originForLog(url)} (origine hors liste autorisée)`);
      return false;
    }
    const href = new URL(url).href;
    try {
      // Electronegativity asks for a review of every openExternal with a non-constant URL. Reviewed: `href` is an
      // http(s) URL whose exact origin is on the allow-list (https only, except loopback), without userinfo.
      await deps.shell.openExternal(href); // eng-disable OPEN_EXTERNAL_JS_CHECK
      return true;
    } catch {
      deps.log(`ouverture externe impossible vers ${originForLog(url)}`);
      return false;
    }
  };
}
