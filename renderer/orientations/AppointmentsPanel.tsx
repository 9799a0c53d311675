// "Mes orientations": the appointments this regulator booked, live. Each row: practitioner, day and time (Paris),
// status badge, publisher, when it last changed, and the search tab it came from (one click brings it back).
import { useMemo, type RefObject } from 'react';
import { fr } from '../i18n/fr';
import { formatClock } from '../search/format';
import { useNow } from '../search/use-now';
import { appointmentRows, type AppointmentRow } from './appointment-rows';
import { useFocusTab, useTabLinks } from './TabLinks';
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
  const focusTab = useFocusTab();
  const now = useNow(60_000);
  const rows = useMemo(() => appointmentRows(state.appointments, links, now), [state.appointments, links, now]);
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
            <AppointmentItem key={row.id} row={row} changed={changed.has(row.id)} onGoToTab={goToTab} />
          ))}
        </ul>
      )}
    </>
  );
}

function AppointmentItem({
  row,
  changed,
  onGoToTab,
}: {
  row: AppointmentRow;
  changed: boolean;
  onGoToTab: (tabId: string) => void;
}) {
  return (
    <li
      className={`orientation${changed ? ' orientation-changed' : ''}`}
      data-testid="orientation"
      data-status={row.status}
      data-appointment-id={row.id}
    >
      <div className="orientation-head">
        <strong className="orientation-practitioner">{row.practitioner}</strong>
        {/* Keyed by status: a new status re-mounts the badge, which replays its highlight. */}
        <span key={row.status} className={`status-badge status-${row.status}`} data-testid="orientation-status">
          {row.statusLabel}
        </span>
      </div>
      <p className="orientation-when">{row.when}</p>
      {row.notInitiated && (
        <p
          className="orientation-not-initiated"
          data-testid="orientation-not-initiated"
          title={fr.orientations.notInitiatedHint}
        >
          {fr.orientations.notInitiated}
        </p>
      )}
      <p className="orientation-meta">
        {fr.orientations.publisher(row.publisher)}
        {row.updated && (
          <>
            {' · '}
            <span data-testid="orientation-updated">{row.updated}</span>
          </>
        )}
      </p>
      <p className="orientation-link">
        {row.link.kind === 'open' && (
          <button
            type="button"
            className="btn-link"
            onClick={() => row.link.kind === 'open' && onGoToTab(row.link.tabId)}
          >
            {fr.orientations.goToTab} — {row.link.title}
          </button>
        )}
        {row.link.kind === 'closed' && <span className="muted">{fr.orientations.tabClosed}</span>}
        {row.link.kind === 'none' && <span className="muted">{fr.orientations.noTab}</span>}
      </p>
    </li>
  );
}
