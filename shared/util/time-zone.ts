// Wall-clock times of a time zone ⇄ instants, with Intl only (`shared/` may not use Node, and no time-zone library
// is needed). The SAS works in French days ("aujourd'hui", the three-day search window) whatever the machine's zone,
// and slot patterns are written in local time (a practice opens at 08:00 in winter and in summer). Every function
// takes the zone; Paris is the default because the platform's search window is defined in Paris time.

export const PARIS_TIME_ZONE = 'Europe/Paris';

export interface LocalDateTime {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A wall-clock time to turn into an instant; seconds and milliseconds default to 0. */
export interface LocalDateTimeInput {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
  millisecond?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The zone's wall-clock time at an instant (to the second). */
export function toLocal(epochMs: number, timeZone: string = PARIS_TIME_ZONE): LocalDateTime {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    // Some Intl implementations write midnight as 24 even with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of the zone from UTC at this instant, in minutes (Paris: 60 in winter, 120 in summer). */
export function offsetMinutes(epochMs: number, timeZone: string = PARIS_TIME_ZONE): number {
  const local = toLocal(epochMs, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the zone's clocks show this wall time. Month/day overflow is normalised (day 32 = next
 * month), which is how callers add calendar days. A time repeated by a DST change resolves to its first occurrence,
 * a time inside the spring gap one hour later; slot patterns and the search window keep clear of both.
 */
export function fromLocal(local: LocalDateTimeInput, timeZone: string = PARIS_TIME_ZONE): number {
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second ?? 0,
    local.millisecond ?? 0,
  );
  const first = asUtc - offsetMinutes(asUtc, timeZone) * 60_000;
  return asUtc - offsetMinutes(first, timeZone) * 60_000;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** `+01:00`, `-03:30`, `+00:00` (the IG writes `+00:00` rather than `Z`). */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** ISO 8601 to the second with the zone's offset, as publishers send it: "2026-04-01T09:00:00+02:00". */
export function isoWithOffset(epochMs: number, timeZone: string = PARIS_TIME_ZONE): string {
  const local = toLocal(epochMs, timeZone);
  return (
    `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:` +
    `${pad(local.second)}${formatOffset(offsetMinutes(epochMs, timeZone))}`
  );
}

function dateKey(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

// Date keys are asked for every slot on every filter change: cache them per zone and UTC quarter hour, which is
// exact because today's zones are offset from UTC by whole quarter hours and change on a quarter hour.
const QUARTER_HOUR_MS = 900_000;
const dateCache = new Map<string, string>();
const DATE_CACHE_MAX = 10_000;

/** The zone's calendar date of an instant, `YYYY-MM-DD`. */
export function localDate(epochMs: number, timeZone: string = PARIS_TIME_ZONE): string {
  const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
  const cacheKey = `${timeZone} ${quarter}`;
  const cached = dateCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const local = toLocal(quarter * QUARTER_HOUR_MS, timeZone);
  const key = dateKey(local.year, local.month, local.day);
  if (dateCache.size >= DATE_CACHE_MAX) dateCache.clear();
  dateCache.set(cacheKey, key);
  return key;
}

/** The zone's date `days` calendar days after the one of `epochMs`, `YYYY-MM-DD`. */
export function localDatePlusDays(epochMs: number, days: number, timeZone: string = PARIS_TIME_ZONE): string {
  const local = toLocal(epochMs, timeZone);
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return dateKey(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

// The overseas departments and collectivities keep their own clocks: a Réunion practice opening at 09:00 opens at
// 09:00+04:00, and "today" for a patient in Guadeloupe is a Guadeloupe day. Metropolitan France and Corsica (2A, 2B)
// are Paris.
const OVERSEAS_TIME_ZONES: Readonly<Record<string, string>> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '975': 'America/Miquelon',
  '976': 'Indian/Mayotte',
  '977': 'America/St_Barthelemy',
  '978': 'America/Marigot',
  '986': 'Pacific/Wallis',
  '987': 'Pacific/Tahiti',
  '988': 'Pacific/Noumea',
};

/** The IANA zone of a department code ("33", "2A", "974"); Paris for metropolitan France, Corsica and unknown codes. */
export function timeZoneOfDepartment(department: string | undefined): string {
  return (department && OVERSEAS_TIME_ZONES[department.trim()]) || PARIS_TIME_ZONE;
}

/** The IANA zone of a place known by its department and/or INSEE code (overseas codes start with 97 or 98). */
export function timeZoneOfPlace(place: { department?: string | undefined; inseeCode?: string | undefined }): string {
  if (place.department) return timeZoneOfDepartment(place.department);
  const insee = place.inseeCode?.trim();
  if (insee && /^9[78]/u.test(insee)) return timeZoneOfDepartment(insee.slice(0, 3));
  return PARIS_TIME_ZONE;
}
