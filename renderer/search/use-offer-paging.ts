// Asks the console for the next practitioners of a tab's offer when the list needs them (see offer-paging.ts),
// and says what is going on: loading, or why the last page failed.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ConsoleCalls } from '../../shared/api/console-api';
import { consoleErrorPayload } from '../../shared/api/errors';
import type { CareOffer } from '../../shared/domain/search';
import { practitionersLeft } from './offer-merge';
import { initialOfferPaging, pageWanted, reduceOfferPaging } from './offer-paging';

export interface OfferPagingView {
  loading: boolean;
  failure?: string;
  /** Whether the list's last rendered row is within a few rows of its end (said on every change). */
  onNearEnd: (near: boolean) => void;
  /** « Réessayer » after a failed page. */
  retry: () => void;
}

export function useOfferPaging(
  api: Pick<ConsoleCalls, 'loadMoreOffer'>,
  searchId: string | undefined,
  offer: CareOffer | undefined,
  cards: number,
  filterKey: string,
): OfferPagingView {
  const [state, dispatch] = useReducer(reduceOfferPaging, initialOfferPaging);
  const [nearEnd, setNearEnd] = useState(false);
  const left = practitionersLeft(offer);
  // Read when a page is asked (to tell whether the last one brought cards), not a reason to ask again.
  const cardsNow = useRef(cards);
  cardsNow.current = cards;

  useEffect(() => dispatch({ type: 'filters', filterKey }), [filterKey]);

  const wanted = pageWanted(state, { searchId, left, nearEnd, cards });
  useEffect(() => {
    if (!wanted || !searchId) return;
    dispatch({ type: 'ask', searchId, cards: cardsNow.current });
    // Through a promise: a console without the call fails the page, not the tab.
    Promise.resolve()
      .then(() => api.loadMoreOffer(searchId))
      .then(
        () => dispatch({ type: 'loaded', searchId }),
        (error: unknown) => dispatch({ type: 'failed', searchId, message: consoleErrorPayload(error).message }),
      );
  }, [wanted, searchId, api]);

  const current = state.searchId === searchId;
  return {
    loading: current && state.loading,
    ...(current && state.failure !== undefined ? { failure: state.failure } : {}),
    onNearEnd: useCallback((near: boolean) => setNearEnd(near), []),
    retry: useCallback(() => dispatch({ type: 'retry' }), []),
  };
}
