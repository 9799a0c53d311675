// When a tab asks for the next practitioners of its offer: the regulator scrolled near the end of the list, or the
// filters leave less than a screenful of cards while the radius holds more. One page at a time; a failed page
// waits for the regulator (« Réessayer »); a short list stops asking by itself after a few pages that did not fill
// it (a filter nothing matches must not page through a whole department).
export interface OfferPagingState {
  /** The search these counters belong to (a restarted tab starts again). */
  searchId?: string;
  loading: boolean;
  failure?: string;
  /** Pages asked in a row because the list was short, since the filters last changed. */
  shortLoads: number;
  filterKey: string;
}

export const initialOfferPaging: OfferPagingState = { loading: false, shortLoads: 0, filterKey: '' };

/** Fewer cards than this fill no screen (a card is about 230 px high). */
export const SCREENFUL_CARDS = 5;
/** Pages asked for a short list before it waits for the regulator. */
export const MAX_SHORT_LOADS = 3;

export type OfferPagingAction =
  | { type: 'ask'; searchId: string; short: boolean }
  | { type: 'loaded'; searchId: string }
  | { type: 'failed'; searchId: string; message: string }
  | { type: 'retry' }
  | { type: 'filters'; filterKey: string };

export function reduceOfferPaging(state: OfferPagingState, action: OfferPagingAction): OfferPagingState {
  switch (action.type) {
    case 'ask': {
      const base = state.searchId === action.searchId ? state : { ...initialOfferPaging, filterKey: state.filterKey };
      const { failure: _failure, ...rest } = base;
      return {
        ...rest,
        searchId: action.searchId,
        loading: true,
        shortLoads: action.short ? base.shortLoads + 1 : 0,
      };
    }
    case 'loaded':
      return state.searchId === action.searchId ? { ...state, loading: false } : state;
    case 'failed':
      return state.searchId === action.searchId ? { ...state, loading: false, failure: action.message } : state;
    case 'retry': {
      const { failure: _failure, ...rest } = state;
      return { ...rest, shortLoads: 0 };
    }
    case 'filters':
      return state.filterKey === action.filterKey ? state : { ...state, filterKey: action.filterKey, shortLoads: 0 };
    default:
      return state;
  }
}

export interface PagingSituation {
  searchId: string | undefined;
  /** Practitioners of the radius not sent yet. */
  left: number;
  /** The last card rendered is within a few rows of the end of the list. */
  nearEnd: boolean;
  /** Cards the list shows with the current intention and filters. */
  cards: number;
}

/** Whether to ask for a page now, and why (`short`: the list does not fill a screen). */
export function pageWanted(state: OfferPagingState, situation: PagingSituation): 'scroll' | 'short' | undefined {
  if (!situation.searchId || situation.left <= 0) return undefined;
  const current = state.searchId === situation.searchId;
  if (current && (state.loading || state.failure !== undefined)) return undefined;
  if (situation.cards < SCREENFUL_CARDS) return current && state.shortLoads >= MAX_SHORT_LOADS ? undefined : 'short';
  return situation.nearEnd ? 'scroll' : undefined;
}
