// The patient's location: `inseecode`, `city`, `streetname`, `streetnumber`, and the plain-search `loc` fallback.
import type { LaunchLocation } from '../domain/launch';
import { normalizeInseeCode } from './insee-code';
import type { IssueLog } from './issue-log';
import type { LaunchParameters } from './parameters';

/**
 * Digits, optionally followed by a repetition index as the national address base (BAN) writes them: bis, ter,
 * quater, quinquies, or a single letter. Real addresses have them ("12 bis rue…") and dropping one would send the
 * search to the neighbour's door, so the console accepts them, normalised to "12 bis" (with a warning: the
 * platform's documentation says digits only).
 */
const STREET_NUMBER = /^(\d{1,5}) ?(bis|ter|quater|quinquies|[a-z])?$/i;

function readStreetNumber(text: string, log: IssueLog): string | undefined {
  const match = STREET_NUMBER.exec(text);
  if (!match?.[1]) {
    log.error('invalid-street-number', { parameter: 'streetnumber' });
    return undefined;
  }
  if (!match[2]) return match[1];
  log.warn('street-number-repetition-index', { parameter: 'streetnumber' });
  return `${match[1]} ${match[2].toLowerCase()}`;
}

/**
 * The location as far as it could be read; whether it can be searched is in the log's errors. `inseecode` and `city` are both kept when both are sent
 * (the code takes precedence for the search, the name helps the regulator read it). A street name may carry its
 * number ("12 rue de la Paix"): some LRMs send it that way, and the geocoder reads it.
 */
export function readLocation(params: LaunchParameters, log: IssueLog): LaunchLocation {
  const { inseecode, city, streetname, streetnumber, loc } = params;
  const location: LaunchLocation = {};

  if (inseecode.state === 'present') {
    const code = normalizeInseeCode(inseecode.text);
    if (code) Object.assign(location, code);
    else log.error('invalid-insee-code', { parameter: 'inseecode' });
  }
  if (city.state === 'present') location.city = city.text;

  if (loc.state !== 'absent') {
    if (inseecode.state !== 'absent' || city.state !== 'absent') {
      log.warn('plain-search-ignored', {
        parameter: 'loc',
        other: inseecode.state !== 'absent' ? 'inseecode' : 'city',
      });
    } else if (loc.state === 'present') {
      log.warn('plain-search-fallback', { parameter: 'loc', other: 'city' });
      location.city = loc.text;
    }
  }
  // Only when nothing locating was sent at all: a refused `inseecode` already has its own error.
  if (inseecode.state === 'absent' && city.state === 'absent' && loc.state === 'absent') {
    log.error('missing-location');
  }

  if (streetname.state === 'present') location.streetName = streetname.text;
  if (streetnumber.state === 'present') {
    const number = readStreetNumber(streetnumber.text, log);
    if (number !== undefined) location.streetNumber = number;
  }
  if (streetnumber.state !== 'absent' && streetname.state === 'absent') {
    log.error('street-number-without-street-name', { parameter: 'streetnumber' });
  }
  return location;
}
