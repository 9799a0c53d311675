// The follow-up of the shift in the console's shell: "Mes orientations" and the "Journal de garde", their data
// (live while logged in), which panel is open, and the keyboard shortcuts that open them (v, g).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsoleApi } from '../../shared/api/console-api';
import { shortcutOfEvent } from '../search/keyboard-event';
import { useAppointments, type AppointmentsState } from './use-appointments';
import { useJournal, type JournalState } from './use-journal';

type OrientationPanel = 'appointments' | 'journal';

export interface Orientations {
  enabled: boolean;
  appointments: AppointmentsState;
  journal: JournalState;
  panel?: OrientationPanel;
  /** An appointment changed while "Mes orientations" was closed. */
  unseen: boolean;
  toggle: (panel: OrientationPanel) => void;
  close: () => void;
}

/** Single-key commands are left to the open panel's own keys when the focus is inside it (see OrientationPanels). */
function isShortcutTarget(target: EventTarget | null): boolean {
  const element = target instanceof Element ? target : null;
  // Another dialog (the shortcut list) keeps its keys.
  return !element?.closest('dialog[open]');
}

export function useOrientations(api: ConsoleApi, enabled: boolean): Orientations {
  const appointments = useAppointments(api, enabled);
  const journal = useJournal(api, enabled);
  const [panel, setPanel] = useState<OrientationPanel | undefined>();
  const [unseen, setUnseen] = useState(false);
  const panelRef = useRef(panel);
  panelRef.current = panel;
  // Where the focus was before a panel opened: it goes back there when the panel closes.
  const opener = useRef<HTMLElement | null>(null);

  const close = useCallback(() => {
    setPanel(undefined);
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected) requestAnimationFrame(() => back.focus());
  }, []);

  const toggle = useCallback(
    (next: OrientationPanel) => {
      if (panelRef.current === next) {
        close();
        return;
      }
      if (panelRef.current === undefined && document.activeElement instanceof HTMLElement)
        opener.current = document.activeElement;
      setPanel(next);
      if (next === 'appointments') setUnseen(false);
    },
    [close],
  );

  // A change while the list is not on screen lights the header button until the list is opened.
  useEffect(() => {
    if (appointments.announcement.seq > 0 && panelRef.current !== 'appointments') setUnseen(true);
  }, [appointments.announcement.seq]);

  useEffect(() => {
    if (!enabled) {
      setPanel(undefined);
      setUnseen(false);
    }
  }, [enabled]);

  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isShortcutTarget(event.target)) return;
      const command = shortcutOfEvent(event);
      if (command === 'orientations' || command === 'journal') {
        event.preventDefault();
        toggle(command === 'orientations' ? 'appointments' : 'journal');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, toggle]);

  return { enabled, appointments, journal, ...(panel ? { panel } : {}), unseen, toggle, close };
}
