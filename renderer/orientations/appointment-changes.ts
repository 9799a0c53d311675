// What changed between two lists of appointments, for the live region and the row highlight: new appointments and
// status (or time) changes. Pure.
import type { Appointment } from '../../shared/domain/appointment';
import { fr } from '../i18n/fr';
import { appointmentWhen, practitionerLabel, statusLabel } from './appointment-rows';

export interface AppointmentChange {
  id: string;
  kind: 'new' | 'changed';
}

/**
 * Appointments of `next` that are new or whose status or times changed since `previous`. An appointment missing
 * from `previous` counts as new only if it changed after `newSince` (epoch ms): when the console connects, the
 * backend's history arrives as a list too, and it is not news.
 */
export function appointmentChanges(
  previous: readonly Appointment[],
  next: readonly Appointment[],
  newSince: number,
): AppointmentChange[] {
  const before = new Map(previous.map((a) => [a.id, a]));
  const changes: AppointmentChange[] = [];
  for (const appointment of next) {
    const known = before.get(appointment.id);
    if (!known) {
      const updated = Date.parse(appointment.updatedAt);
      if (!Number.isNaN(updated) && updated >= newSince) changes.push({ id: appointment.id, kind: 'new' });
    } else if (
      known.status !== appointment.status ||
      known.start !== appointment.start ||
      known.end !== appointment.end
    ) {
      changes.push({ id: appointment.id, kind: 'changed' });
    }
  }
  return changes;
}

const MAX_SPOKEN = 3;

/** One French sentence per change (three at most, then a count), for a polite live region; '' when nothing to say. */
export function announceChanges(
  changes: readonly AppointmentChange[],
  next: readonly Appointment[],
  nowMs: number,
): string {
  const byId = new Map(next.map((a) => [a.id, a]));
  const sentences = changes.slice(0, MAX_SPOKEN).flatMap((change) => {
    const a = byId.get(change.id);
    if (!a) return [];
    const say = change.kind === 'new' ? fr.orientations.announceNew : fr.orientations.announceChange;
    return [say(practitionerLabel(a), appointmentWhen(a, nowMs), statusLabel(a.status))];
  });
  if (changes.length > MAX_SPOKEN) sentences.push(fr.orientations.announceMore(changes.length - MAX_SPOKEN));
  return sentences.join(' ');
}
