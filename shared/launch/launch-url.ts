// Recognises the two launch URL forms and finds the launch URL in a process argv.
// No WHATWG `URL` here: `shared/` has no DOM or Node typings, and a hand-written split lets every odd input
// become a named issue instead of an exception or a silent normalisation.
import type { LaunchIssue, LaunchRequest } from '../domain/launch';
import { makeIssue } from './issue-log';

type LaunchVia = LaunchRequest['via'];

export type LocatedLaunch =
  { ok: true; via: LaunchVia; query: string; fragmentIgnored: boolean } | { ok: false; issue: LaunchIssue };

const CONSOLE_SCHEME = 'sas-console';
const PLATFORM_HOST = 'sas.sante.fr';
const PLATFORM_PATHS: ReadonlySet<string> = new Set(['/sas/recherche', '/sas/recherche/']);
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
/** `//recherche`, `recherche` and `///recherche` are all seen from OS launchers; a trailing slash too. */
const CONSOLE_TARGET = /^\/{0,3}recherche\/?$/i;
const HOST_LABELS = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;
const PORT = /^\d{1,5}$/;
/** How much of an argv entry is looked at to decide whether it is a launch URL (scheme, host and path fit). */
const SNIFF_LENGTH = 512;

/** The platform's production host or one of its pre-production / integration sub-domains. */
export function isPlatformHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return HOST_LABELS.test(name) && (name === PLATFORM_HOST || name.endsWith(`.${PLATFORM_HOST}`));
}

/**
 * Splits a launch URL into its form and raw query string. `url` must already be trimmed and length-checked.
 * Errors name the URL by its scheme, host and path only: the query carries the patient's address.
 */
export function locateLaunchQuery(url: string): LocatedLaunch {
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const fragmentIgnored = hash >= 0 && hash < url.length - 1;
  const mark = beforeHash.indexOf('?');
  const target = mark < 0 ? beforeHash : beforeHash.slice(0, mark);
  const query = mark < 0 ? '' : beforeHash.slice(mark + 1);
  const fail = (
    code: 'unsupported-launch-url' | 'launch-host-not-allowed' | 'launch-path-unrecognized',
  ): LocatedLaunch => ({
    ok: false,
    issue: makeIssue(code, { url: target }),
  });

  const scheme = SCHEME.exec(target);
  const schemeName = scheme?.[1]?.toLowerCase();
  if (!scheme || schemeName === undefined) return fail('unsupported-launch-url');
  const rest = target.slice(scheme[0].length);

  if (schemeName === CONSOLE_SCHEME) {
    return CONSOLE_TARGET.test(rest)
      ? { ok: true, via: 'console-scheme', query, fragmentIgnored }
      : fail('launch-path-unrecognized');
  }
  if (schemeName !== 'https' || !rest.startsWith('//')) return fail('unsupported-launch-url');

  const afterSlashes = rest.slice(2);
  const slash = afterSlashes.indexOf('/');
  const authority = slash < 0 ? afterSlashes : afterSlashes.slice(0, slash);
  const path = slash < 0 ? '' : afterSlashes.slice(slash);
  // Userinfo (`https://sas.sante.fr@evil.example/`) is how look-alike URLs hide their real host: refuse it outright.
  if (authority.includes('@')) return fail('launch-host-not-allowed');
  const colon = authority.lastIndexOf(':');
  const host = colon < 0 ? authority : authority.slice(0, colon);
  const port = colon < 0 ? undefined : authority.slice(colon + 1);
  if ((port !== undefined && !PORT.test(port)) || !isPlatformHost(host)) return fail('launch-host-not-allowed');
  if (!PLATFORM_PATHS.has(path)) return fail('launch-path-unrecognized');
  return { ok: true, via: 'platform-url', query, fragmentIgnored };
}

/**
 * Whether a command-line argument is meant as a launch URL: the console scheme, or an http(s) URL aimed at the
 * platform's host or search path. Other URLs (a proxy setting, a dev server) are not launches. A look-alike that
 * passes this test is still refused later, with an error naming it.
 */
export function looksLikeLaunchUrl(arg: string): boolean {
  const head = arg.trimStart().slice(0, SNIFF_LENGTH).toLowerCase();
  if (head.startsWith(`${CONSOLE_SCHEME}:`)) return true;
  if (!head.startsWith('https://') && !head.startsWith('http://')) return false;
  const target = head.split(/[?#]/, 1)[0] ?? '';
  return target.includes(PLATFORM_HOST) || target.includes('/sas/recherche');
}

/**
 * The launch URL in a process argv: the last argument that looks like one. Windows puts the executable path and
 * Chromium flags (`--allow-file-access-from-files`, `--original-process-start-time=…`) before it. Entries that are
 * not strings (untrusted IPC, odd launchers) are skipped. Returns the URL trimmed, or undefined when there is none.
 */
export function findLaunchUrl(argv: readonly string[]): string | undefined {
  if (!Array.isArray(argv)) return undefined;
  for (let i = argv.length - 1; i >= 0; i -= 1) {
    const arg: unknown = argv[i];
    if (typeof arg === 'string' && looksLikeLaunchUrl(arg)) return arg.trim();
  }
  return undefined;
}
