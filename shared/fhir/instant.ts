// FHIR `instant` values (Slot.start, Appointment.end...): validated strictly, kept as sent.
// Date.parse is not enough: it accepts 2021-02-30 (rolling over to March) and strings without an offset.
import { formatOffset } from '../util/time-zone';

export interface ParsedInstant {
  /** Milliseconds since the epoch (UTC). */
  epochMs: number;
  /** The offset the sender wrote, in minutes east of UTC (`Z` = 0). */
  offsetMinutes: number;
}

// FHIR R4 instant: seconds and a time zone are mandatory; fractions up to 9 digits.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/u;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeap(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Parses a FHIR instant; undefined when it is not one (wrong shape, impossible date, offset beyond ±14:00). */
export function parseInstant(value: string): ParsedInstant | undefined {
  if (value.length > 40) return undefined;
  const m = INSTANT.exec(value);
  if (!m) return undefined;
  const [, ys, mos, ds, hs, mis, ss, frac, zone] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = Number(hs);
  const minute = Number(mis);
  const second = Number(ss);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // FHIR allows second 60 (leap second); it is counted as the next minute's first second.
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  let offsetMinutes = 0;
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (om > 59 || oh > 14 || (oh === 14 && om > 0)) return undefined;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return { epochMs: date.getTime() - offsetMinutes * 60_000, offsetMinutes };
}

/** Writes an instant with milliseconds and the given offset, e.g. `2021-11-04T15:19:35.760+01:00`. */
export function formatInstant(epochMs: number, offsetMinutes: number): string {
  const wall = new Date(epochMs + offsetMinutes * 60_000);
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1, 2)}-${pad(wall.getUTCDate(), 2)}` +
    `T${pad(wall.getUTCHours(), 2)}:${pad(wall.getUTCMinutes(), 2)}:${pad(wall.getUTCSeconds(), 2)}` +
    `.${pad(wall.getUTCMilliseconds(), 3)}${formatOffset(offsetMinutes)}`
  );
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
