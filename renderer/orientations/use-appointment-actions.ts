// What the regulator does from « Mes orientations »: cancel a SAS-agenda appointment (after saying yes) and re-open
// a publisher's booking page (SSO) to change or cancel there. Per row: the step it is at and the last refusal.
import { useCallback, useState } from 'react';
import type { ConsoleApi, OpenBookingRequest } from '../../shared/api/console-api';
import { consoleErrorPayload } from '../../shared/api/errors';
import { fr } from '../i18n/fr';

type RowActionState =
  | { step: 'idle' }
  | { step: 'confirm-cancel' }
  | { step: 'busy' }
  | { step: 'done'; message: string }
  | { step: 'failed'; message: string };

const IDLE: RowActionState = { step: 'idle' };

export interface AppointmentActions {
  stateOf: (appointmentId: string) => RowActionState;
  askCancel: (appointmentId: string) => void;
  keep: (appointmentId: string) => void;
  cancel: (appointmentId: string) => void;
  reopen: (appointmentId: string, request: OpenBookingRequest) => void;
}

export function useAppointmentActions(api: ConsoleApi): AppointmentActions {
  const [states, setStates] = useState<ReadonlyMap<string, RowActionState>>(() => new Map());
  const set = useCallback((id: string, state: RowActionState) => setStates((s) => new Map(s).set(id, state)), []);

  const cancel = useCallback(
    (id: string) => {
      set(id, { step: 'busy' });
      // The list follows from the backend's feed; the row says at once that it worked.
      api.cancelAgendaAppointment(id).then(
        () => set(id, { step: 'done', message: fr.orientationActions.cancelled }),
        (error: unknown) =>
          set(id, { step: 'failed', message: fr.orientationActions.cancelFailed(consoleErrorPayload(error).message) }),
      );
    },
    [api, set],
  );

  const reopen = useCallback(
    (id: string, request: OpenBookingRequest) => {
      set(id, { step: 'busy' });
      api.openBooking(request).then(
        () => set(id, IDLE),
        (error: unknown) =>
          set(id, { step: 'failed', message: fr.orientationActions.openFailed(consoleErrorPayload(error).message) }),
      );
    },
    [api, set],
  );

  return {
    stateOf: (id) => states.get(id) ?? IDLE,
    askCancel: (id) => set(id, { step: 'confirm-cancel' }),
    keep: (id) => set(id, IDLE),
    cancel,
    reopen,
  };
}
