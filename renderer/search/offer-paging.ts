// When a tab asks for the next practitioners of its offer: the regulator is near the end of the list, or the
// filters leave less than a screenful of cards while the radius holds more. One page at a time; a failed page
// waits for the regulator (« Réessayer »); pages that bring no card to the list stop after a few (a filter nothing
// matches must not page through a whole department) until the filters change.
export interface OfferPagingState {
  /** The search these counters belong to (a restarted tab starts again). */
  searchId?: string;
  loading: boolean;
  failure?: string;
  /** Pages asked in a row that left the list with no more cards than before. */
  fruitless: number;
  /** Cards the list showed when the last page was asked. */
  cardsAtAsk?: number;
  filterKey: string;
}

export const initialOfferPaging: OfferPagingState = { loading: false, fruitless: 0, filterKey: '' };

/** Fewer cards than this fill no screen (a card is about 230 px high). */
export const SCREENFUL_CARDS = 5;
/** Pages in a row that bring no card before the list waits for the regulator. */
export const MAX_FRUITLESS_PAGES = 3;

export type OfferPagingAction =
  | { type: 'ask'; searchId: string; cards: number }
  | { type: 'loaded'; searchId: string }
  | { type: 'failed'; searchId: string; message: string }
  | { type: 'retry' }
  | { type: 'filters'; filterKey: string };

export function reduceOfferPaging(state: OfferPagingState, action: OfferPagingAction): OfferPagingState {
  switch (action.type) {
    case 'ask': {
      const base = state.searchId === action.searchId ? state : { ...initialOfferPaging, filterKey: state.filterKey };
      const { failure: _failure, ...rest } = base;
      const grew = base.cardsAtAsk === undefined || action.cards > base.cardsAtAsk;
      return {
        ...rest,
        searchId: action.searchId,
        loading: true,
        fruitless: grew ? 0 : base.fruitless + 1,
        cardsAtAsk: action.cards,
      };
    }
    case 'loaded':
      return state.searchId === action.searchId ? { ...state, loading: false } : state;
    case 'failed':
      return state.searchId === action.searchId ? { ...state, loading: false, failure: action.message } : state;
    case 'retry': {
      const { failure: _failure, cardsAtAsk: _cards, ...rest } = state;
      return { ...rest, fruitless: 0 };
    }
    case 'filters': {
      if (state.filterKey === action.filterKey) return state;
      const { cardsAtAsk: _cards, ...rest } = state;
      return { ...rest, filterKey: action.filterKey, fruitless: 0 };
    }
    default:
      return state;
  }
}

export interface PagingSituation {
  searchId: string | undefined;
  /** Practitioners of the radius not sent yet. */
  left: number;
  /** The last row rendered is within a few rows of the end of the list. */
  nearEnd: boolean;
  /** Cards the list shows with the current intention and filters. */
  cards: number;
}

/** Whether to ask for a page now, and why (`short`: the list does not fill a screen). */
export function pageWanted(state: OfferPagingState, situation: PagingSituation): 'scroll' | 'short' | undefined {
  if (!situation.searchId || situation.left <= 0) return undefined;
  const current = state.searchId === situation.searchId;
  if (current && (state.loading || state.failure !== undefined || state.fruitless >= MAX_FRUITLESS_PAGES))
    return undefined;
  if (situation.cards < SCREENFUL_CARDS) return 'short';
  return situation.nearEnd ? 'scroll' : undefined;
}
