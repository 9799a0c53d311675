// Wall-clock times of a time zone ⇄ instants, with Intl only (no time-zone library). Slot patterns are written in
// local time (a practice opens at 08:00 in Paris in winter and in summer); publishers send instants with offset.

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

export interface LocalDateTime {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function toLocal(instantMs: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of the zone from UTC at this instant, in minutes (Paris: 60 in winter, 120 in summer). */
export function offsetMinutes(instantMs: number, timeZone: string): number {
  const local = toLocal(instantMs, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/**
 * The instant of a local wall-clock time. Times skipped or repeated by a DST change resolve to one of the
 * candidate instants; slot patterns keep clear of 02:00–03:00, so this never matters for them.
 */
export function fromLocal(local: Omit<LocalDateTime, 'second'>, timeZone: string): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const first = asUtc - offsetMinutes(asUtc, timeZone) * 60_000;
  const second = asUtc - offsetMinutes(first, timeZone) * 60_000;
  return second;
}

/** "+02:00" */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

/** ISO 8601 with the zone's offset, as publishers send it: "2026-04-01T09:00:00+02:00". */
export function isoWithOffset(instantMs: number, timeZone: string): string {
  const local = toLocal(instantMs, timeZone);
  const pad = (value: number, length = 2) => String(value).padStart(length, '0');
  return (
    `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:` +
    `${pad(local.second)}${formatOffset(offsetMinutes(instantMs, timeZone))}`
  );
}
