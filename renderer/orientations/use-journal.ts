// The shift's journal, live: the entries at mount, then every `journal` event.
import { useEffect, useState } from 'react';
import type { ConsoleApi, JournalEntry } from '../../shared/api/console-api';

export interface JournalState {
  entries: JournalEntry[];
  loaded: boolean;
  /** The journal could not be read: entries noted earlier in the shift may be missing. Stays until remount. */
  failed: boolean;
}

export function useJournal(api: ConsoleApi, enabled: boolean): JournalState {
  const [state, setState] = useState<JournalState>({ entries: [], loaded: false, failed: false });

  useEffect(() => {
    if (!enabled) return undefined;
    let eventSeen = false;
    const unsubscribe = api.on('journal', (entries) => {
      eventSeen = true;
      // A new entry does not bring back the ones that could not be read: the failure stays shown.
      setState((s) => ({ entries, loaded: true, failed: s.failed }));
    });
    api.listJournal().then(
      (entries) => {
        if (!eventSeen) setState({ entries, loaded: true, failed: false });
      },
      () => setState((s) => ({ ...s, loaded: true, failed: true })),
    );
    return unsubscribe;
  }, [api, enabled]);

  return state;
}
