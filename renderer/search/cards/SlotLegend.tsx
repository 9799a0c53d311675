// The legend of slot chips: which ones book online, which ones mean "call the number shown", which ones are walk-in.
import { fr } from '../../i18n/fr';
import type { SlotKind } from './slot-kind';

const ENTRIES: readonly { kind: SlotKind; text: string }[] = [
  { kind: 'bookable', text: fr.slotKinds.bookable },
  { kind: 'sas-agenda', text: fr.agendaBooking.legend },
  { kind: 'no-url', text: fr.slotKinds.noUrl },
  { kind: 'no-account', text: fr.slotKinds.noAccount },
  { kind: 'walk-in', text: fr.slotKinds.walkIn },
];

export function SlotLegend() {
  return (
    <details className="slot-legend" data-testid="slot-legend">
      <summary>{fr.slotKinds.legendLabel}</summary>
      <ul>
        {ENTRIES.map((entry) => (
          <li key={entry.kind}>
            <span className={`legend-swatch slot-${entry.kind}`} aria-hidden="true" />
            {entry.text}
          </li>
        ))}
      </ul>
    </details>
  );
}
