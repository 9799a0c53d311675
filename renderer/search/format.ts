// How numbers, phones, names and times read on a card: short, French, the same everywhere.
// Pure functions (no DOM) so they are unit-tested and cheap to call for 1,000 cards.
import type { Practitioner } from '../../shared/domain/care-offer';
import { formatOffset, localDate, localDatePlusDays, offsetMinutes, PARIS_TIME_ZONE } from '@shared/util/time-zone';

// One formatter per zone and shape: Intl formatters are costly to build and the list formats thousands of slots.
const formatters = new Map<string, Intl.DateTimeFormat>();
function zoned(shape: 'time' | 'day', timeZone: string): Intl.DateTimeFormat {
  const key = `${shape} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      shape === 'time' ? { hour: '2-digit', minute: '2-digit' } : { weekday: 'short', day: 'numeric', month: 'short' };
    format = new Intl.DateTimeFormat('fr-FR', { ...options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

/** The workstation's own zone: times of the regulator's shift (tabs, journal) are read on its clock. */
export function workstationTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || PARIS_TIME_ZONE;
}

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** "300 m" under 1 km, "1,2 km" under 10 km, "12 km" beyond: precision the caller can say out loud. */
export function formatDistance(km: number | undefined): string | undefined {
  if (km === undefined || !Number.isFinite(km) || km < 0) return undefined;
  if (km < 1) return `${integer.format(Math.max(10, Math.round((km * 1000) / 10) * 10))} m`;
  if (km < 10) return `${decimal.format(km)} km`;
  return `${integer.format(km)} km`;
}

/**
 * A French number as people dictate it: "+33140434326" or "0140434326" → "01 40 43 43 26". Anything that is not a
 * 10-digit French number is shown as published (trimmed), never altered: a wrong phone is worse than an ugly one.
 */
export function formatPhone(phone: string | undefined): string | undefined {
  if (phone === undefined) return undefined;
  const trimmed = phone.trim();
  if (trimmed === '') return undefined;
  const digits = trimmed.replace(/[\s.\-()]/gu, '');
  const national =
    /^\+33(\d{9})$/u.exec(digits)?.[1] ?? /^0033(\d{9})$/u.exec(digits)?.[1] ?? /^0(\d{9})$/u.exec(digits)?.[1];
  if (!national) return trimmed;
  const ten = `0${national}`;
  return ten.replace(/(\d{2})(?=\d)/gu, '$1 ');
}

/** The `tel:` URI of a phone, digits and a leading + only; undefined when nothing dialable remains. */
export function telHref(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const dialable = phone.trim().replace(/[^\d+]/gu, '');
  return /^\+?\d{3,20}$/u.test(dialable) ? `tel:${dialable}` : undefined;
}

/** "Dr Jeanne Martin": the published prefix (or "Dr" for a doctor with none), given name, family name. */
export function practitionerName(p: Pick<Practitioner, 'prefix' | 'givenName' | 'familyName'>): string {
  return [p.prefix?.trim() || undefined, p.givenName?.trim() || undefined, p.familyName.trim()]
    .filter(Boolean)
    .join(' ');
}

/** "14:30" in the patient's zone (a Réunion slot at 09:00+04:00 reads « 09:00 »). */
export function formatSlotTime(iso: string, timeZone: string = PARIS_TIME_ZONE): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : zoned('time', timeZone).format(date);
}

/** "14:30": a wall-clock time for tab labels, the status strip and the journal (the workstation's zone by default). */
export function formatClock(epochMs: number, timeZone: string = workstationTimeZone()): string {
  return zoned('time', timeZone).format(new Date(epochMs));
}

/** Which of the three search days a slot falls on in the patient's zone: 0 today, 1 tomorrow, 2 the day after. */
export function slotDayIndex(iso: string, nowMs: number, timeZone: string = PARIS_TIME_ZONE): 0 | 1 | 2 | undefined {
  const start = Date.parse(iso);
  if (Number.isNaN(start)) return undefined;
  const key = localDate(start, timeZone);
  if (key === localDate(nowMs, timeZone)) return 0;
  if (key === localDatePlusDays(nowMs, 1, timeZone)) return 1;
  if (key === localDatePlusDays(nowMs, 2, timeZone)) return 2;
  return undefined;
}

/** "ven. 13 juin", for the day headings and for slots beyond the three days. */
export function formatDay(epochMs: number, timeZone: string = PARIS_TIME_ZONE): string {
  return zoned('day', timeZone).format(new Date(epochMs));
}

/** "heure de La Réunion (UTC+04:00)"-like label of a zone, shown when it is not the workstation's. */
export function zoneLabel(timeZone: string, atMs: number): string {
  const name =
    new Intl.DateTimeFormat('fr-FR', { timeZone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date(atMs))
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  return `${name} (UTC${formatOffset(offsetMinutes(atMs, timeZone))})`;
}
