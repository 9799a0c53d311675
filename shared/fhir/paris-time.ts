// The Europe/Paris calendar, through Intl only (shared/ may not use Node): the SAS works in French days
// ("aujourd'hui", the three-day search window), whatever the machine's time zone.
// Overseas departments have their own zones; the platform's search window is defined in Paris time, so is ours.

const PARIS = 'Europe/Paris';

let formatter: Intl.DateTimeFormat | undefined;

function parisFormatter(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: PARIS,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return formatter;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The Paris wall-clock time at an instant. */
export function parisWallClock(epochMs: number): WallClock {
  const parts = parisFormatter().formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

/** Paris offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function parisOffsetMinutes(epochMs: number): number {
  const w = parisWallClock(epochMs);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return Math.round((wallAsUtc - epochMs) / 60_000);
}

/**
 * The instant at which Paris clocks show this wall time. Month/day overflow is normalised (day 32 = next month),
 * which is how callers add calendar days. In the autumn repeated hour the first occurrence is returned; a time
 * inside the spring gap resolves one hour later; neither happens at the times the console asks for.
 */
export function parisWallToEpoch(wall: WallClock): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  const first = asUtc - parisOffsetMinutes(asUtc) * 60_000;
  return asUtc - parisOffsetMinutes(first) * 60_000;
}

// Paris date keys are asked for every slot on every filter change: cache them per UTC hour, which is exact because
// Paris offsets are whole hours and change on the hour.
const dateCache = new Map<number, string>();
const DATE_CACHE_MAX = 10_000;

/** The Paris calendar date of an instant, `YYYY-MM-DD`. */
export function parisDate(epochMs: number): string {
  const hourKey = Math.floor(epochMs / 3_600_000);
  const cached = dateCache.get(hourKey);
  if (cached !== undefined) return cached;
  const w = parisWallClock(hourKey * 3_600_000);
  const key = `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  if (dateCache.size >= DATE_CACHE_MAX) dateCache.clear();
  dateCache.set(hourKey, key);
  return key;
}

/** The Paris date `days` calendar days after the one of `epochMs`. */
export function parisDatePlusDays(epochMs: number, days: number): string {
  const w = parisWallClock(epochMs);
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}
