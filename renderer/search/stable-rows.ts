// A list that holds still: once the regulator has picked a card (or points at one), a late answer must not move it.
// Rows already shown keep their order; rows that arrive later go below them and are counted as new until the
// regulator asks for the ranking's order again. Pure: the hook keeps the previous order.
import { useRef, useState } from 'react';
import type { ListModel, ListRow, ResultCard } from './list-rows';

export interface HeldRows {
  rows: ListRow[];
  /** Keys of cards placed below because they arrived while the list was held. */
  newKeys: string[];
}

/** Orders `ranked` like `shown` for the rows both have; rows only in `ranked` follow, in the ranking's order. */
export function holdRows(shown: readonly string[], ranked: readonly ListRow[]): HeldRows {
  const byKey = new Map(ranked.map((row) => [row.key, row]));
  const kept = shown.map((key) => byKey.get(key)).filter((row): row is ListRow => row !== undefined);
  const keptKeys = new Set(kept.map((row) => row.key));
  const added = ranked.filter((row) => !keptKeys.has(row.key));
  return {
    rows: [...kept, ...added],
    newKeys: added.filter((row) => row.kind === 'card').map((row) => row.key),
  };
}

function modelOf(rows: ListRow[], base: ListModel): ListModel {
  const cards: ResultCard[] = [];
  const rowOfKey = new Map<string, number>();
  rows.forEach((row, index) => {
    if (row.kind !== 'card' || rowOfKey.has(row.key)) return;
    cards.push(row.card);
    rowOfKey.set(row.key, index);
  });
  return { ...base, rows, cards, rowOfKey };
}

/**
 * The list model to show: the ranking's while nothing is held, else the order already on screen with newcomers
 * below. `scope` changes (intention, filters, CPTS) are the regulator's own: the ranking's order comes back.
 */
export function useStableModel(
  ranked: ListModel,
  hold: boolean,
  scope: string,
): { model: ListModel; newCount: number; place: () => void } {
  const shown = useRef<{ scope: string; keys: string[]; added: Set<string> }>({ scope, keys: [], added: new Set() });
  const [placedAt, setPlacedAt] = useState(0);
  const placedRef = useRef(placedAt);
  let held: HeldRows = { rows: ranked.rows, newKeys: [] };
  const fresh = shown.current.scope !== scope || placedRef.current !== placedAt;
  const holding = hold && !fresh && shown.current.keys.length > 0;
  if (holding) held = holdRows(shown.current.keys, ranked.rows);
  const added = holding ? new Set([...shown.current.added, ...held.newKeys]) : new Set<string>();
  for (const key of added) if (!ranked.rowOfKey.has(key)) added.delete(key);
  shown.current = { scope, keys: held.rows.map((row) => row.key), added };
  placedRef.current = placedAt;
  return {
    model: held.rows === ranked.rows ? ranked : modelOf(held.rows, ranked),
    newCount: added.size,
    place: () => setPlacedAt((n) => n + 1),
  };
}
