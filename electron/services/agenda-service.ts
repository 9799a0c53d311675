// The SAS agenda booked in the console: the regulator confirms a slot, the backend claims it (one regulator only)
// and records the appointment; cancelling frees it. Refusals become the console's own codes, in French.
import type { AgendaBookingRequest } from '../../shared/api/console-api';
import { ConsoleError } from '../../shared/api/errors';
import { backendRoutes } from '../../shared/backend-api/routes';
import type { Appointment } from '../../shared/domain/appointment';
import { BackendRefusal, type BackendApi } from './backend-api';
import type { AgendaPort } from './ports';

const AGENDA_MESSAGES = {
  taken: 'Ce créneau vient d’être pris par un autre régulateur : choisissez-en un autre.',
  unknown: 'Ce créneau n’est plus dans l’agenda SAS : relancez la recherche.',
  appointmentUnknown: 'Ce rendez-vous de l’agenda SAS est introuvable.',
  cancelRefused: 'Annulation refusée : seul le régulateur qui a pris ce rendez-vous peut l’annuler.',
  bookRefused: 'Réservation refusée par le serveur SAS.',
} as const;

/** A backend refusal as the regulator reads it; anything else goes through unchanged. */
function bookingFailure(error: unknown): unknown {
  if (!(error instanceof BackendRefusal)) return error;
  if (error.status === 409) return new ConsoleError('agenda-slot-taken', AGENDA_MESSAGES.taken);
  if (error.status === 404) return new ConsoleError('agenda-slot-unknown', AGENDA_MESSAGES.unknown);
  return new ConsoleError('backend-error', error.message || AGENDA_MESSAGES.bookRefused);
}

function cancelFailure(error: unknown): unknown {
  if (!(error instanceof BackendRefusal)) return error;
  if (error.status === 404) return new ConsoleError('agenda-slot-unknown', AGENDA_MESSAGES.appointmentUnknown);
  if (error.status === 403) return new ConsoleError('agenda-cancel-refused', AGENDA_MESSAGES.cancelRefused);
  return new ConsoleError('agenda-cancel-refused', error.message || AGENDA_MESSAGES.cancelRefused);
}

export function createAgendaService(api: BackendApi): AgendaPort {
  return {
    async book(request: AgendaBookingRequest): Promise<Appointment> {
      try {
        const answer = await api.post(backendRoutes.agendaBook, {
          slotId: request.slotId,
          ...(request.searchId !== undefined ? { searchId: request.searchId } : {}),
          ...(request.origin !== undefined ? { origin: request.origin } : {}),
        });
        return answer.appointment;
      } catch (error) {
        throw bookingFailure(error);
      }
    },
    async cancel(appointmentId: string): Promise<Appointment> {
      try {
        return (await api.post(backendRoutes.agendaCancel, { appointmentId })).appointment;
      } catch (error) {
        throw cancelFailure(error);
      }
    },
  };
}
