// Ports for a console whose backend is not reachable or not configured: every call says so plainly, in French,
// instead of failing silently.
import type { SessionState } from '../../shared/api/console-api';
import { ConsoleError } from '../../shared/api/errors';
import type { AppointmentsPort, BookingPort, PlacesPort, SearchPort, SessionPort } from './ports';

const unavailable = (what: string) =>
  new ConsoleError('backend-unavailable', `${what} indisponible : la console n’est reliée à aucun serveur SAS.`);

export function unavailableSession(message: string): SessionPort {
  const state: SessionState = { status: 'logged-out', message };
  return {
    getState: () => state,
    login: () => Promise.reject(unavailable('Connexion')),
    cancelLogin: () => Promise.resolve(),
    logout: () => Promise.resolve(),
    onChange: () => () => {},
  };
}

export const unavailableSearch: SearchPort = {
  start: () => Promise.reject(unavailable('Recherche')),
  cancel: () => Promise.resolve(),
  retry: () => Promise.reject(unavailable('Recherche')),
  loadMore: () => Promise.reject(unavailable('Recherche')),
};

export const unavailableBooking: BookingPort = {
  open: () => Promise.reject(unavailable('Réservation')),
};

export const unavailableAppointments: AppointmentsPort = {
  list: () => Promise.resolve([]),
  onChange: () => () => {},
  onLinkChange: () => () => {},
};

export const unavailablePlaces: PlacesPort = {
  suggest: () => Promise.resolve([]),
};
