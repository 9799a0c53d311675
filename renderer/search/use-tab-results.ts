// What a tab shows, derived from its stream and view: ranked cards, list rows, intention counts, source summary.
// Re-ranks only when slots, offer, location, filters or the minute change (not on every status event or second).
import { useMemo } from 'react';
import { rankResults } from '../../shared/ranking/results';
import { buildListModel, intentionCounts } from './list-rows';
import { toRankingState } from './search-stream';
import { summarizeSources } from './source-strip';
import type { SearchTab } from './workspace';

export function useTabResults(tab: SearchTab, now: number) {
  const { stream, view } = tab;
  const minute = Math.floor(now / 60_000) * 60_000;
  const rankingState = useMemo(
    () => toRankingState(stream),
    // slotsVersion stands for the slots map (it grows on every change of it), so a source-status event alone
    // does not re-rank a thousand cards.
    [stream.slotsVersion, stream.offer, stream.location, stream.gp],
  );
  const results = useMemo(
    () => rankResults(rankingState, { seed: tab.searchId ?? tab.id, now: minute, filters: view.filters }),
    [rankingState, tab.searchId, tab.id, minute, view.filters],
  );
  const model = useMemo(() => buildListModel(results, view), [results, view]);
  return {
    minute,
    results,
    model,
    counts: intentionCounts(results),
    summary: summarizeSources(stream, tab.openedAt, now),
  };
}
