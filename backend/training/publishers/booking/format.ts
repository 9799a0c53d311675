// French wording of times and statuses on the booking pages. The SAS works in Paris time whatever the machine's
// zone; an instant the publisher cannot read is shown as received rather than hidden.
import { APPOINTMENT_STATUS_LABELS } from '@shared/domain/appointment';

const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'Europe/Paris',
});
const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

/** « mardi 3 mars » (Paris). */
export function frenchDay(instant: string): string {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? instant : dayFormat.format(ms);
}

/** « 09:30 » (Paris). */
export function frenchTime(instant: string): string {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? instant : timeFormat.format(ms);
}

/** « mardi 3 mars à 09:30 » (Paris). */
export function frenchDateTime(instant: string): string {
  return `${frenchDay(instant)} à ${frenchTime(instant)}`;
}

export const STATUS_LABEL = APPOINTMENT_STATUS_LABELS;
