// Slot patterns: the training data set stores how each agenda *looks* (days, opening hours, slot length, mix of
// types and modes), never dated slots, so there are always future slots whenever the training environment starts.
// `slotsForWindow` turns a pattern into the free slots of a time window. It is pure: a candidate slot exists, and
// gets its types and modes, from a hash of the pattern's seed and the slot's start instant, so any two windows
// agree on the slots they share (the simulated publishers, the SAS agenda and the tests see the same slots).
import { z } from 'zod';
import { CONSULTATION_MODES, SLOT_TYPES, type Slot } from '@shared/domain/slot';
import { unitHash } from '@shared/util/random';
import { formatOffset, fromLocal, toLocal } from '@shared/util/time-zone';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Sessions stay between 04:00 and 24:00, clear of daylight-saving changes (02:00–03:00 in Europe/Paris). */
const sessionSchema = z
  .object({ start: z.string().regex(HH_MM), end: z.string().regex(HH_MM) })
  .refine((session) => minutesOf(session.start) >= 4 * 60, { message: 'une séance commence à 04:00 au plus tôt' })
  .refine((session) => minutesOf(session.end) > minutesOf(session.start), {
    message: 'une séance finit après son début',
  });

export const slotPatternSchema = z.object({
  /** FHIR-id-safe, unique: prefix of the slot ids. */
  id: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
  owner: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('practitioner'), nationalId: z.string().min(1) }),
    z.object({ kind: z.literal('sos-site'), siteId: z.string().min(1) }),
  ]),
  /** Publisher id, or `sas-agenda`. */
  sourceId: z.string().min(1),
  timeZone: z.string().min(1),
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1),
  sessions: z.array(sessionSchema).min(1),
  durationMinutes: z.number().int().min(5).max(240),
  /** Share of the candidate slots that are free, 0..1. */
  freeRatio: z.number().min(0).max(1),
  typeMix: z.array(z.object({ types: z.array(z.enum(SLOT_TYPES)).min(1), weight: z.number().positive() })).min(1),
  modeMix: z
    .array(z.object({ modes: z.array(z.enum(CONSULTATION_MODES)).min(1), weight: z.number().positive() }))
    .min(1),
  /** False for walk-in consultations ("sans rendez-vous"). */
  withAppointment: z.boolean(),
  seed: z.number().int().min(0).max(0xffffffff),
});

export type SlotPattern = z.infer<typeof slotPatternSchema>;

/**
 * A slot as a pattern generates it: when and what kind, before a simulated publisher makes it a `Slot` of its own
 * (source, specialties, place, booking page). Its `id` is `<pattern id>-<local yyyyMMddHHmm>`: stable, FHIR-id-safe;
 * `start` and `end` carry the local offset, e.g. "2026-04-01T09:00:00+02:00".
 */
export type GeneratedSlot = Pick<Slot, 'id' | 'start' | 'end' | 'types' | 'modes' | 'withAppointment'>;

/** Longest window served: a malformed or hostile request cannot make a pattern enumerate years of slots. */
export const MAX_WINDOW_DAYS = 31;
const DAY_MS = 86_400_000;

function weightedPick<T>(items: readonly { weight: number }[], unit: number, valueOf: (index: number) => T): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let target = unit * total;
  for (let index = 0; index < items.length; index += 1) {
    target -= items[index]?.weight ?? 0;
    if (target < 0) return valueOf(index);
  }
  return valueOf(items.length - 1);
}

/**
 * The pattern's free slots whose start lies in [from, to] (both included), in start order. A window longer than
 * MAX_WINDOW_DAYS is cut to that many days from `from`.
 */
export function slotsForWindow(pattern: SlotPattern, from: Date, to: Date): GeneratedSlot[] {
  const fromMs = from.getTime();
  const toMs = Math.min(to.getTime(), fromMs + MAX_WINDOW_DAYS * DAY_MS);
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) return [];
  const weekdays = new Set(pattern.weekdays);
  const sessions = [...pattern.sessions].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  const slots: GeneratedSlot[] = [];
  // Overlapping sessions would offer the same start twice: one slot per start.
  const seen = new Set<string>();

  // Walk the local calendar days the window touches (one day of margin on each side for the offset).
  const firstDay = toLocal(fromMs - DAY_MS, pattern.timeZone);
  const dayCount = Math.ceil((toMs - fromMs) / DAY_MS) + 3;
  const pad = (value: number) => String(value).padStart(2, '0');
  for (let offset = 0; offset < dayCount; offset += 1) {
    const date = new Date(Date.UTC(firstDay.year, firstDay.month - 1, firstDay.day + offset));
    const isoWeekday = ((date.getUTCDay() + 6) % 7) + 1;
    if (!weekdays.has(isoWeekday)) continue;
    const day = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    // One offset for the whole day: sessions run from 04:00 on, after any daylight-saving change (at 02:00–03:00).
    const offsetMs = date.getTime() - fromLocal({ ...day, hour: 12, minute: 0 }, pattern.timeZone) + 12 * 3_600_000;
    const zone = formatOffset(Math.round(offsetMs / 60_000));
    const datePart = `${day.year}-${pad(day.month)}-${pad(day.day)}`;
    const compactDate = `${day.year}${pad(day.month)}${pad(day.day)}`;
    for (const session of sessions) {
      const end = minutesOf(session.end);
      for (
        let minute = minutesOf(session.start);
        minute + pattern.durationMinutes <= end;
        minute += pattern.durationMinutes
      ) {
        const startMs = date.getTime() + minute * 60_000 - offsetMs;
        if (startMs < fromMs || startMs > toMs) continue;
        const startMinutes = Math.floor(startMs / 60_000);
        if (unitHash(pattern.seed, startMinutes, 1) >= pattern.freeRatio) continue;
        const types = weightedPick(
          pattern.typeMix,
          unitHash(pattern.seed, startMinutes, 2),
          (i) => pattern.typeMix[i]?.types ?? [],
        );
        const modes = weightedPick(
          pattern.modeMix,
          unitHash(pattern.seed, startMinutes, 3),
          (i) => pattern.modeMix[i]?.modes ?? [],
        );
        const endMinute = minute + pattern.durationMinutes;
        const clock = (value: number) => `${pad(Math.floor(value / 60))}:${pad(value % 60)}`;
        const id = `${pattern.id}-${compactDate}${clock(minute).replace(':', '')}`;
        if (seen.has(id)) continue;
        seen.add(id);
        slots.push({
          id,
          start: `${datePart}T${clock(minute)}:00${zone}`,
          end: `${datePart}T${clock(endMinute)}:00${zone}`,
          types: [...types],
          modes: [...modes],
          withAppointment: pattern.withAppointment,
        });
      }
    }
  }
  return slots.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id));
}
