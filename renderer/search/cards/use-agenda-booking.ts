// A SAS-agenda chip clicked: the confirmation dialog's state, the booking call (with the tab's search and LRM
// origin) and what follows — the chip shows booked and the place is remembered for « Mes orientations », or the chip
// is marked taken when another regulator was first.
import { useCallback, useRef, useState } from 'react';
import type { ConsoleApi } from '@shared/api/console-api';
import { consoleErrorPayload } from '@shared/api/errors';
import type { Appointment } from '@shared/domain/appointment';
import type { Slot } from '@shared/domain/slot';
import { useRememberBooking } from '../../orientations/TabLinks';
import type { ResultCard } from '../list-rows';
import { agendaConfirmation, type AgendaConfirmation } from './agenda-confirmation';
import { canConfirm, phaseAfterRefusal, type AgendaBookingPhase } from './agenda-booking';

export interface AgendaDialogState {
  confirmation: AgendaConfirmation;
  slot: Slot;
  phase: AgendaBookingPhase;
}

interface Options {
  api: ConsoleApi;
  searchId: string | undefined;
  origin: string | undefined;
  timeZone: string;
  markBooked: (appointment: Pick<Appointment, 'id' | 'practitionerId' | 'start'>) => void;
  markTaken: (slotId: string) => void;
  onBooked: (slot: Slot) => void;
}

export interface AgendaBooking {
  dialog: AgendaDialogState | undefined;
  open: (slot: Slot, card: ResultCard) => void;
  confirm: () => void;
  close: () => void;
}

export function useAgendaBooking({
  api,
  searchId,
  origin,
  timeZone,
  markBooked,
  markTaken,
  onBooked,
}: Options): AgendaBooking {
  const [dialog, setDialog] = useState<AgendaDialogState | undefined>();
  const current = useRef(dialog);
  current.current = dialog;
  const rememberBooking = useRememberBooking();

  const open = useCallback(
    (slot: Slot, card: ResultCard) =>
      setDialog({ confirmation: agendaConfirmation(slot, card, timeZone), slot, phase: { kind: 'confirm' } }),
    [timeZone],
  );

  const confirm = useCallback(() => {
    const state = current.current;
    if (!state || !canConfirm(state.phase)) return;
    const { slot, confirmation } = state;
    const sending: AgendaDialogState = { ...state, phase: { kind: 'sending' } };
    current.current = sending;
    setDialog(sending);
    api.bookAgendaSlot({ slotId: slot.id, ...(searchId ? { searchId } : {}), ...(origin ? { origin } : {}) }).then(
      (appointment) => {
        markBooked(appointment);
        if (searchId && confirmation.place)
          rememberBooking(searchId, appointment.practitionerId ?? slot.practitionerId, {
            place: confirmation.place,
          });
        setDialog(undefined);
        onBooked(slot);
      },
      (error: unknown) => {
        const { phase, slotGone } = phaseAfterRefusal(consoleErrorPayload(error));
        if (slotGone) markTaken(slot.id);
        setDialog((d) => (d && d.slot.id === slot.id ? { ...d, phase } : d));
      },
    );
  }, [api, searchId, origin, markBooked, markTaken, onBooked, rememberBooking]);

  // The request cannot be taken back once sent: the dialog stays until it answers.
  const close = useCallback(() => setDialog((d) => (d?.phase.kind === 'sending' ? d : undefined)), []);

  return { dialog, open, confirm, close };
}
