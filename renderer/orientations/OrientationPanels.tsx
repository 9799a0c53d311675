// The open follow-up panel, docked on the right of the console so the search stays usable beside it, and the
// live region that says what changed in "Mes orientations" even while the panel is closed.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { AppointmentsPanel } from './AppointmentsPanel';
import { JournalPanel } from './JournalPanel';
import { PANEL_IDS } from './panel-ids';
import type { Orientations } from './use-orientations';

/** Keys that open or close the panels from anywhere, the panel included. */
const PANEL_KEYS: Record<string, 'appointments' | 'journal'> = { v: 'appointments', g: 'journal' };

export function OrientationPanels({ orientations }: { orientations: Orientations }) {
  const { panel, appointments, close, toggle } = orientations;
  const heading = useRef<HTMLHeadingElement>(null);

  // Opening a panel takes the focus to its title, so the keyboard and the screen reader start there.
  useEffect(() => {
    if (panel) heading.current?.focus();
  }, [panel]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const inField = event.target instanceof Element && event.target.closest('input, textarea, select') !== null;
    const modified = event.ctrlKey || event.metaKey || event.altKey;
    if (event.key === 'Escape' && !modified) {
      event.preventDefault();
      close();
    } else if (!inField && !modified && PANEL_KEYS[event.key]) {
      event.preventDefault();
      toggle(PANEL_KEYS[event.key] ?? 'appointments');
    }
    // Keys typed in the panel belong to the panel: the workspace's single-key shortcuts (cards, filters, tabs)
    // must not act on the hidden list behind it. React's stopPropagation stops the native event at the root too.
    event.stopPropagation();
  };

  return (
    <>
      <div className="visually-hidden" role="status" data-testid="orientations-live">
        <span key={appointments.announcement.seq}>{appointments.announcement.text}</span>
      </div>
      {panel && (
        <aside
          className="followup-panel"
          id={PANEL_IDS[panel]}
          aria-labelledby={`${PANEL_IDS[panel]}-titre`}
          onKeyDown={onKeyDown}
          data-testid={panel === 'appointments' ? 'orientations-panel' : 'journal-panel'}
        >
          {panel === 'appointments' ? (
            <AppointmentsPanel
              headingRef={heading}
              headingId={`${PANEL_IDS[panel]}-titre`}
              orientations={orientations}
            />
          ) : (
            <JournalPanel headingRef={heading} headingId={`${PANEL_IDS[panel]}-titre`} orientations={orientations} />
          )}
        </aside>
      )}
    </>
  );
}
