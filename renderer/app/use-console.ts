// React state fed by the console API: environment, session, and launches from the LRM.
import { useCallback, useEffect, useState } from 'react';
import type { EnvironmentInfo, LaunchEvent, SessionState } from '../../shared/api/console-api';
import { consoleErrorPayload, type ConsoleErrorPayload } from '../../shared/api/errors';
import { getConsoleApi } from '../api/console-client';

export interface ConsoleState {
  environment?: EnvironmentInfo;
  session: SessionState;
  /** Launches taken from the queue, newest last. */
  launches: LaunchEvent[];
  error?: ConsoleErrorPayload;
  /** A session was open in this window since it started (its end by expiry or withdrawal keeps the tabs). */
  hadSession: boolean;
  /** The regulator chose to log out: nothing of the shift is kept for the next one. */
  loggedOutByUser: boolean;
  /** LRM launches waiting for a login. */
  launchesWaiting: number;
}

export function useConsole() {
  const api = getConsoleApi();
  const [state, setState] = useState<ConsoleState>({
    session: { status: 'logged-out' },
    launches: [],
    hadSession: false,
    loggedOutByUser: false,
    launchesWaiting: 0,
  });

  const report = useCallback((error: unknown) => setState((s) => ({ ...s, error: consoleErrorPayload(error) })), []);

  const takeLaunches = useCallback(() => {
    api
      .takeLaunches()
      .then((taken) => {
        if (taken.length > 0) setState((s) => ({ ...s, launches: [...s.launches, ...taken] }));
      })
      .catch(report);
  }, [api, report]);

  useEffect(() => {
    const unsubscribe = [
      api.on('session', (session) => {
        setState((s) => ({
          ...s,
          session,
          ...(session.status === 'logged-in' ? { hadSession: true, loggedOutByUser: false } : {}),
        }));
        if (session.status === 'logged-in') takeLaunches();
      }),
      api.on('launch', () => takeLaunches()),
      api.on('launchesWaiting', (launchesWaiting) => setState((s) => ({ ...s, launchesWaiting }))),
    ];
    api.countWaitingLaunches().then((launchesWaiting) => setState((s) => ({ ...s, launchesWaiting })), report);
    api.getEnvironment().then((environment) => setState((s) => ({ ...s, environment })), report);
    api.getSession().then((session) => setState((s) => ({ ...s, session })), report);
    // Pull first: launches that arrived before this window existed are waiting in main.
    takeLaunches();
    return () => {
      for (const u of unsubscribe) u();
    };
  }, [api, report, takeLaunches]);

  return {
    state,
    login: () => api.login().catch(report),
    cancelLogin: () => api.cancelLogin().catch(report),
    logout: () => {
      // The previous regulator's refusal or error must not greet the next one.
      setState((s) => ({ ...s, loggedOutByUser: true, hadSession: false, error: undefined }));
      return api.logout().catch(report);
    },
    dismissLaunch: (id: string) => setState((s) => ({ ...s, launches: s.launches.filter((l) => l.id !== id) })),
    dismissError: () => setState((s) => ({ ...s, error: undefined })),
  };
}
