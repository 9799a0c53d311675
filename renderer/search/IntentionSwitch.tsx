// First / second intention, as on the platform: "PS disposant de créneaux disponibles" and "Créneaux en sus des
// disponibilités", each with how many cards it holds.
import { fr } from '../i18n/fr';
import type { Intention } from './tab-view';

interface Props {
  intention: Intention;
  counts: { first: number; second: number };
  onChange: (intention: Intention) => void;
}

export function IntentionSwitch({ intention, counts, onChange }: Props) {
  const options: { value: Intention; label: string; count: number; key: string }[] = [
    { value: 'first', label: fr.results.firstIntention, count: counts.first, key: '1' },
    { value: 'second', label: fr.results.secondIntention, count: counts.second, key: '2' },
  ];
  return (
    <div className="intention-switch" role="group" aria-label={fr.results.intentionsLabel}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className={intention === o.value ? 'intention intention-on' : 'intention'}
          aria-pressed={intention === o.value}
          data-intention={o.value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
          <span className="intention-count">{o.count}</span>
          <kbd aria-hidden="true">{o.key}</kbd>
        </button>
      ))}
    </div>
  );
}
