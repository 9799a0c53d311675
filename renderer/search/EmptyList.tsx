// What an empty list says, and the way out: clear the filters, or look at the second intention.
import { fr } from '../i18n/fr';

interface EmptyListProps {
  intention: 'first' | 'second';
  focusedCpts: boolean;
  done: boolean;
  filtersOn: boolean;
  onSecond: () => void;
  onClear: () => void;
}

export function EmptyList({ intention, focusedCpts, done, filtersOn, onSecond, onClear }: EmptyListProps) {
  const text = focusedCpts
    ? fr.results.cptsNoMember
    : intention === 'second'
      ? fr.results.noSecond
      : done
        ? fr.results.noFirstDone
        : fr.results.noFirst;
  return (
    <div className="results-empty">
      <p>{text}</p>
      {filtersOn && (
        <button type="button" className="btn" onClick={onClear}>
          {fr.results.clearFilters}
        </button>
      )}
      {intention === 'first' && !focusedCpts && done && (
        <button type="button" className="btn" onClick={onSecond}>
          {fr.results.trySecond}
        </button>
      )}
    </div>
  );
}
