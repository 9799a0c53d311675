// The steps of a SAS-agenda booking in the console, as the confirmation dialog shows them, and what a refusal
// means for the regulator and for the chip. Pure.
import type { ConsoleErrorPayload } from '@shared/api/errors';
import { fr } from '../../i18n/fr';

export type AgendaBookingPhase =
  /** Details shown, waiting for « Confirmer le rendez-vous ». */
  | { kind: 'confirm' }
  | { kind: 'sending' }
  /** Another regulator booked it first (or it left the agenda): nothing more to do with this slot. */
  | { kind: 'taken'; message: string }
  /** Any other failure: the message, and the regulator may try again. */
  | { kind: 'failed'; message: string };

/** The phase a refused booking leads to, and whether its chip is to be marked taken (no longer clickable). */
export function phaseAfterRefusal(error: ConsoleErrorPayload): { phase: AgendaBookingPhase; slotGone: boolean } {
  if (error.code === 'agenda-slot-taken')
    return { phase: { kind: 'taken', message: fr.agendaBooking.takenMessage }, slotGone: true };
  // The slot left the agenda (its practitioner withdrew it): the backend's own French words say so.
  if (error.code === 'agenda-slot-unknown') return { phase: { kind: 'taken', message: error.message }, slotGone: true };
  return { phase: { kind: 'failed', message: fr.agendaBooking.failed(error.message) }, slotGone: false };
}

/** Enter confirms while the confirmation (or a retry) is offered; never twice while the request runs. */
export function canConfirm(phase: AgendaBookingPhase): boolean {
  return phase.kind === 'confirm' || phase.kind === 'failed';
}

/**
 * The element Tab moves to inside the dialog: from the last to the first (Shift+Tab the other way), so the focus
 * never leaves it; undefined lets the browser move within.
 */
export function wrappedFocusIndex(count: number, current: number, backwards: boolean): number | undefined {
  if (count === 0) return undefined;
  if (current < 0) return backwards ? count - 1 : 0;
  if (backwards && current === 0) return count - 1;
  if (!backwards && current === count - 1) return 0;
  return undefined;
}
