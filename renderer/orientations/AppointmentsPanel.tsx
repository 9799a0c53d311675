// "Mes orientations": the appointments this regulator booked, live. Each row (AppointmentItem): practitioner, day
// and time (Paris), status, the call and the place, publisher, LRM transmission, history, what can be done with it,
// and the search tab it came from (one click brings it back).
import { useMemo, type RefObject } from 'react';
import { getConsoleApi } from '../api/console-client';
import { fr } from '../i18n/fr';
import { formatClock } from '../search/format';
import { useNow } from '../search/use-now';
import { appointmentRows } from './appointment-rows';
import { AppointmentItem } from './AppointmentItem';
import { useCallMemorySnapshot, useFocusTab, useTabLinks } from './TabLinks';
import { useAppointmentActions } from './use-appointment-actions';
import type { Orientations } from './use-orientations';
import { PanelHead } from './PanelHead';

interface Props {
  orientations: Orientations;
  headingRef: RefObject<HTMLHeadingElement | null>;
  headingId: string;
}

export function AppointmentsPanel({ orientations, headingRef, headingId }: Props) {
  const { appointments: state, close } = orientations;
  const links = useTabLinks();
  const memory = useCallMemorySnapshot();
  const focusTab = useFocusTab();
  const actions = useAppointmentActions(getConsoleApi());
  const now = useNow(60_000);
  const rows = useMemo(
    () => appointmentRows(state.appointments, links, now, memory),
    [state.appointments, links, now, memory],
  );
  const changed = new Set(state.changedIds);

  const goToTab = (tabId: string) => {
    if (!focusTab(tabId)) return;
    close();
    // The tab bar's button of that tab takes the focus (after the tab bar re-rendered).
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-tab-id="${CSS.escape(tabId)}"] .tab-button`)?.focus(),
    );
  };

  return (
    <>
      <PanelHead title={fr.orientations.title} headingId={headingId} headingRef={headingRef} onClose={close} />
      <p className="followup-intro">{fr.orientations.intro}</p>
      {state.reconnecting && (
        <p className="alert alert-warning followup-reconnecting" role="status" data-testid="orientations-reconnecting">
          {fr.orientations.reconnecting}
        </p>
      )}
      {state.receivedAt !== undefined && (
        <p className="followup-received" data-testid="orientations-received">
          {fr.orientations.receivedAt(formatClock(state.receivedAt))}
        </p>
      )}
      {!state.loaded && <p className="followup-empty">{fr.orientations.loading}</p>}
      {state.loaded && state.failed && <p className="followup-empty">{fr.orientations.loadFailed}</p>}
      {state.loaded && !state.failed && rows.length === 0 && <p className="followup-empty">{fr.orientations.empty}</p>}
      {rows.length > 0 && (
        <ul className="orientation-list" aria-label={fr.orientations.listLabel}>
          {rows.map((row) => (
            <AppointmentItem
              key={row.id}
              row={row}
              changed={changed.has(row.id)}
              actions={actions}
              onGoToTab={goToTab}
            />
          ))}
        </ul>
      )}
    </>
  );
}
