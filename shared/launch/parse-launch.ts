// The LRM launch parser: a launch URL (platform HTTPS page or console scheme) or a process argv → a launch
// request, or the list of what is wrong with it. Never throws: every input is untrusted.
import type { LaunchParseResult, LaunchRequest } from '../domain/launch';
import { LAUNCH_LIMITS } from './codes';
import { IssueLog } from './issue-log';
import { findLaunchUrl, locateLaunchQuery } from './launch-url';
import { readLocation } from './location';
import { readOrigin } from './origin';
import { readParameters } from './parameters';
import { readPractitioner } from './practitioner';
import { splitQuery } from './query-string';
import { readSpecialty } from './specialty';

// Electron main uses it on `second-instance` to pick the URL out of the new process's argv.
export { findLaunchUrl } from './launch-url';

export interface ParseLaunchOptions {
  /**
   * The origins (LRM "affectation authorities") this deployment accepts. Absent: any well-formed origin is
   * accepted (training, integrator checks).
   */
  knownOrigins?: readonly string[];
}

function failure(log: IssueLog, origin?: string): LaunchParseResult {
  return { ok: false, errors: log.errors, warnings: log.warnings, ...(origin !== undefined && { origin }) };
}

/**
 * Parses a launch. `input` is one URL, or a process argv whose last launch-looking argument is read (see
 * `findLaunchUrl`). An argv without any launch URL gives the single error `no-launch-url`: for Electron main that
 * means "started without a launch", not something to show (see `isNoLaunch`).
 */
export function parseLaunch(input: string | readonly string[], options: ParseLaunchOptions = {}): LaunchParseResult {
  const log = new IssueLog();
  const found = typeof input === 'string' ? input.trim() : findLaunchUrl(input);
  if (found === undefined || found === '') {
    log.error('no-launch-url');
    return failure(log);
  }
  if (found.length > LAUNCH_LIMITS.maxUrlLength) {
    log.error('launch-url-too-long', { count: found.length, limit: LAUNCH_LIMITS.maxUrlLength });
    return failure(log);
  }

  const located = locateLaunchQuery(found);
  if (!located.ok) {
    log.errors.push(located.issue);
    return failure(log);
  }
  if (located.fragmentIgnored) log.warn('fragment-ignored');

  const pairs = splitQuery(located.query);
  if (pairs.length > LAUNCH_LIMITS.maxParameters) {
    log.error('too-many-parameters', { count: pairs.length, limit: LAUNCH_LIMITS.maxParameters });
    return failure(log);
  }

  const params = readParameters(pairs, log);
  const origin = readOrigin(params.origin, log, options.knownOrigins);
  const gp = readPractitioner(params.practitioner, log);
  const specialty = readSpecialty(params, log);
  const location = readLocation(params, log);
  if (log.hasErrors) return failure(log, origin);

  // Optional fields only when present, so the JSON an integrator reads has no `undefined` holes.
  const request: LaunchRequest = {
    via: located.via,
    ...(origin !== undefined && { origin }),
    ...(gp !== undefined && { gp }),
    ...(specialty !== undefined && { specialty }),
    location,
  };
  return { ok: true, request, warnings: log.warnings };
}

/** True when the result only says "there was no launch URL" (a plain start of the console, not an error). */
export function isNoLaunch(result: LaunchParseResult): boolean {
  return !result.ok && result.errors.length === 1 && result.errors[0]?.code === 'no-launch-url';
}
