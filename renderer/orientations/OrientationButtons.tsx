// The header's way to the shift's follow-up: "Mes orientations" with its counter (lit when something changed
// unseen) and the "Journal de garde". Toggle buttons: aria-expanded says whether their panel is open.
import { fr } from '../i18n/fr';
import { PANEL_IDS } from './panel-ids';
import type { Orientations } from './use-orientations';

export function OrientationButtons({ orientations }: { orientations: Orientations }) {
  const { appointments, journal, panel, unseen, toggle } = orientations;
  const count = appointments.appointments.length;
  return (
    <div
      className="followup-buttons"
      role="group"
      aria-label={`${fr.orientations.open} et ${fr.journal.open.toLowerCase()}`}
    >
      <button
        type="button"
        className={`btn btn-followup${unseen ? ' btn-attention' : ''}`}
        aria-expanded={panel === 'appointments'}
        aria-controls={panel === 'appointments' ? PANEL_IDS.appointments : undefined}
        onClick={() => toggle('appointments')}
        data-testid="open-orientations"
      >
        {fr.orientations.open}
        <span className="btn-count" data-testid="orientations-count" aria-hidden="true">
          {count}
        </span>
        <span className="visually-hidden">
          {` (${fr.orientations.count(count)}${unseen ? `, ${fr.orientations.unseen}` : ''})`}
        </span>
        <kbd aria-hidden="true">v</kbd>
      </button>
      <button
        type="button"
        className="btn btn-followup"
        aria-expanded={panel === 'journal'}
        aria-controls={panel === 'journal' ? PANEL_IDS.journal : undefined}
        onClick={() => toggle('journal')}
        data-testid="open-journal"
      >
        {fr.journal.open}
        <span className="visually-hidden">{` (${fr.journal.count(journal.entries.length)})`}</span>
        <kbd aria-hidden="true">g</kbd>
      </button>
    </div>
  );
}
