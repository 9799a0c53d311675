// What each source of the tab's search has said so far, for the cards: a practitioner whose publisher has not
// answered (yet), failed or was set aside says so on its card instead of « Aucun créneau publié ».
import { createContext, useContext } from 'react';
import { fr } from '../../i18n/fr';
import type { SourceLine } from '../source-strip';

export interface SourceStates {
  lines: ReadonlyMap<string, SourceLine>;
  retry: (sourceId: string) => void;
}

const empty: SourceStates = { lines: new Map(), retry: () => undefined };
export const SourceStatesContext = createContext<SourceStates>(empty);

/** True when the card's own source answered (or the card has none): its slot row may say "no slot". */
export function useSourceAnswered(sourceId: string | undefined): boolean {
  const { lines } = useContext(SourceStatesContext);
  const line = sourceId ? lines.get(sourceId) : undefined;
  return !line || line.state === 'answered';
}

/** The card's line about its publisher when it has not answered: waiting, failed (with « relancer ») or set aside. */
export function SourceStateLine({ sourceId }: { sourceId: string | undefined }) {
  const { lines, retry } = useContext(SourceStatesContext);
  const line = sourceId ? lines.get(sourceId) : undefined;
  if (!sourceId || !line || line.state === 'answered') return null;
  const name = line.source.name;
  if (line.state === 'waiting' || line.state === 'late') {
    return (
      <p className="card-source-state" data-source-state="waiting">
        {fr.honestCards.waiting(name)}
      </p>
    );
  }
  return (
    <p className="card-source-state" data-source-state={line.state}>
      {line.state === 'skipped' ? fr.honestCards.setAside(name) : fr.honestCards.failed(name)}
      {' — '}
      <button
        type="button"
        className="btn btn-link"
        aria-label={fr.honestCards.retryLabel(name)}
        onClick={() => retry(sourceId)}
      >
        {fr.honestCards.retry}
      </button>
    </p>
  );
}
