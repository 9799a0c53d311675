// `origin`: the calling LRM / SAMU, its registered "affectation authority" string (e.g. TEST-SAMU000).
import type { IssueLog } from './issue-log';
import type { ParameterValue } from './parameters';

const ORIGIN_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * The origin, or undefined. Missing is only a warning (the search can run). When the deployment knows its LRMs,
 * an unknown origin is refused with the platform's own wording: the flow with that LRM is disabled.
 */
export function readOrigin(value: ParameterValue, log: IssueLog, knownOrigins?: readonly string[]): string | undefined {
  if (value.state === 'invalid') return undefined;
  if (value.state === 'absent') {
    log.warn('missing-origin', { parameter: 'origin' });
    return undefined;
  }
  if (!ORIGIN_PATTERN.test(value.text)) {
    log.error('invalid-origin', { parameter: 'origin', value: value.text });
    return undefined;
  }
  if (knownOrigins !== undefined && !knownOrigins.includes(value.text)) {
    log.error('unknown-origin', { parameter: 'origin', value: value.text });
    return undefined;
  }
  return value.text;
}
