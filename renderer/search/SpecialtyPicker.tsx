// Shown in a tab whose specialty text was not recognised: the text the LRM sent, and the nearest specialties as
// buttons; choosing one runs the search in the same tab. The whole list stays reachable through the search bar.
import { fr } from '../i18n/fr';
import type { SpecialtyOption } from './specialty-options';
import type { SpecialtyToPick } from './specialty-picker';

export function SpecialtyPicker({
  pick,
  onChoose,
}: {
  pick: SpecialtyToPick;
  onChoose: (option: SpecialtyOption) => void;
}) {
  return (
    <section
      className="notice notice-warning specialty-picker"
      aria-labelledby="specialty-picker-title"
      data-testid="specialty-picker"
    >
      <h3 id="specialty-picker-title">{fr.specialtyPicker.title}</h3>
      <p>
        {fr.specialtyPicker.sent} <q className="specialty-sent">{pick.text}</q>
      </p>
      <p>{fr.specialtyPicker.choose}</p>
      <ul className="specialty-suggestions">
        {pick.suggestions.map((option) => (
          <li key={option.id}>
            <button type="button" className="btn" onClick={() => onChoose(option)}>
              {option.label}
            </button>
          </li>
        ))}
      </ul>
      <p className="hint">{fr.specialtyPicker.other}</p>
    </section>
  );
}
