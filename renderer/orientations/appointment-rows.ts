// "Mes orientations" as rows: what the regulator reads for each appointment — practitioner, day and time in Paris,
// the status in French, the publisher, when it last changed, and the search tab it came from. Pure functions.
import {
  APPOINTMENT_STATUS_LABELS,
  SAS_AGENDA_SOURCE_ID,
  type Appointment,
  type AppointmentStatus,
} from '../../shared/domain/appointment';
import { localDate, localDatePlusDays, PARIS_TIME_ZONE } from '@shared/util/time-zone';
import { fr } from '../i18n/fr';
import { formatClock, formatDay, formatSlotTime } from '../search/format';
import { appointmentDetails, twinKeys, type AppointmentDetails } from './appointment-details';
import { EMPTY_CALL_MEMORY, type CallMemorySnapshot } from './call-memory';
import { tabForSearch, type TabLinksSnapshot } from './tab-links';

type AppointmentLink =
  /** The tab it was booked from is open: one click brings it back. */
  | { kind: 'open'; tabId: string; title: string }
  /** Booked from a tab that has been closed since. */
  | { kind: 'closed' }
  /** Not linked to any tab (booked outside the console's search, or the link was lost). */
  | { kind: 'none' };

export interface AppointmentRow extends AppointmentDetails {
  id: string;
  /** Publisher id (`sas-agenda` for the SAS agenda). */
  publisherId: string;
  practitioner: string;
  /** "Aujourd’hui, 14:30 – 14:50" (Paris time). */
  when: string;
  status: AppointmentStatus;
  statusLabel: string;
  publisher: string;
  /** "mis à jour à 14:32", or undefined when the backend's time is unreadable. */
  updated?: string;
  link: AppointmentLink;
  /** « Rendez-vous non initié depuis la console »: the publisher reported it without a booking page opened here. */
  notInitiated: boolean;
}

/** The status in French: one table for the console, the journal and the publishers' pages (shared/domain). */
export function statusLabel(status: AppointmentStatus): string {
  return APPOINTMENT_STATUS_LABELS[status] ?? status;
}

/** "Aujourd’hui", "Demain", "Hier", else "ven. 13 juin" — the Paris calendar day of an instant. */
export function dayLabel(epochMs: number, nowMs: number): string {
  const day = localDate(epochMs);
  if (day === localDate(nowMs)) return fr.orientations.today;
  if (day === localDatePlusDays(nowMs, 1)) return fr.orientations.tomorrow;
  if (day === localDatePlusDays(nowMs, -1)) return fr.orientations.yesterday;
  return formatDay(epochMs);
}

/** "Aujourd’hui, 14:30 – 14:50"; "—" for an unreadable start. */
export function appointmentWhen(appointment: Pick<Appointment, 'start' | 'end'>, nowMs: number): string {
  const start = Date.parse(appointment.start);
  if (Number.isNaN(start)) return '—';
  return fr.orientations.when(
    dayLabel(start, nowMs),
    formatSlotTime(appointment.start),
    formatSlotTime(appointment.end),
  );
}

export function practitionerLabel(appointment: Pick<Appointment, 'practitionerName' | 'practitionerId'>): string {
  const name = appointment.practitionerName?.trim();
  if (name) return name;
  return appointment.practitionerId ? `IDNPS ${appointment.practitionerId}` : fr.orientations.unknownPractitioner;
}

function publisherLabel(publisherId: string, links: TabLinksSnapshot): string {
  if (publisherId === SAS_AGENDA_SOURCE_ID) return fr.orientationActions.agendaSas;
  return links.publisherNames[publisherId] ?? publisherId;
}

function appointmentLink(searchId: string | undefined, links: TabLinksSnapshot): AppointmentLink {
  if (searchId === undefined) return { kind: 'none' };
  const tab = tabForSearch(links, searchId);
  return tab ? { kind: 'open', tabId: tab.tabId, title: tab.title } : { kind: 'closed' };
}

/**
 * The rows, most recent activity first: a confirmation or a status change brings its appointment to the top, where
 * the regulator looks. Ties (same update time) by start, then id, so the order never flickers.
 */
export function appointmentRows(
  appointments: readonly Appointment[],
  links: TabLinksSnapshot,
  nowMs: number,
  memory: CallMemorySnapshot = EMPTY_CALL_MEMORY,
): AppointmentRow[] {
  const twins = twinKeys(appointments);
  const time = (iso: string) => {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? -Infinity : t;
  };
  return [...appointments]
    .sort((a, b) => time(b.updatedAt) - time(a.updatedAt) || time(b.start) - time(a.start) || a.id.localeCompare(b.id))
    .map((a) => {
      const updatedMs = Date.parse(a.updatedAt);
      return {
        ...appointmentDetails(a, memory, twins, nowMs, statusLabel),
        id: a.id,
        publisherId: a.publisherId,
        practitioner: practitionerLabel(a),
        when: appointmentWhen(a, nowMs),
        status: a.status,
        statusLabel: statusLabel(a.status),
        publisher: publisherLabel(a.publisherId, links),
        ...(Number.isNaN(updatedMs)
          ? {}
          : { updated: fr.orientations.updatedAt(formatClock(updatedMs, PARIS_TIME_ZONE)) }),
        link: appointmentLink(a.searchId, links),
        notInitiated: a.notInitiated === true,
      };
    });
}
