// When a tab asks for the next practitioners: near the end of the list or when the list is short, one page at a
// time, never after a failure until « Réessayer », and not forever when pages bring no card (a filter nothing
// matches, or the end of a list no page adds to).
import { describe, expect, it } from 'vitest';
import {
  initialOfferPaging,
  MAX_FRUITLESS_PAGES,
  pageWanted,
  reduceOfferPaging,
  SCREENFUL_CARDS,
  type OfferPagingState,
} from '@renderer/search/offer-paging';

const long = { searchId: 's1', left: 100, nearEnd: false, cards: 40 };

describe('asking for the next page', () => {
  it('asks near the end of a long list, and only then', () => {
    expect(pageWanted(initialOfferPaging, long)).toBeUndefined();
    expect(pageWanted(initialOfferPaging, { ...long, nearEnd: true })).toBe('scroll');
  });

  it('asks when the list does not fill a screen', () => {
    expect(pageWanted(initialOfferPaging, { ...long, cards: SCREENFUL_CARDS - 1 })).toBe('short');
  });

  it('never asks when nothing is left or the search has no id yet', () => {
    expect(pageWanted(initialOfferPaging, { ...long, nearEnd: true, left: 0 })).toBeUndefined();
    expect(pageWanted(initialOfferPaging, { ...long, nearEnd: true, searchId: undefined })).toBeUndefined();
  });

  it('asks one page at a time', () => {
    const loading = reduceOfferPaging(initialOfferPaging, { type: 'ask', searchId: 's1', cards: 40 });
    expect(pageWanted(loading, { ...long, nearEnd: true })).toBeUndefined();
    const loaded = reduceOfferPaging(loading, { type: 'loaded', searchId: 's1' });
    expect(pageWanted(loaded, { ...long, nearEnd: true })).toBe('scroll');
  });

  it('waits for « Réessayer » after a failed page, and keeps its message until then', () => {
    let state = reduceOfferPaging(initialOfferPaging, { type: 'ask', searchId: 's1', cards: 40 });
    state = reduceOfferPaging(state, { type: 'failed', searchId: 's1', message: 'La suite… : panne' });
    expect(state.failure).toBe('La suite… : panne');
    expect(pageWanted(state, { ...long, nearEnd: true })).toBeUndefined();
    state = reduceOfferPaging(state, { type: 'retry' });
    expect(state.failure).toBeUndefined();
    expect(pageWanted(state, { ...long, nearEnd: true })).toBe('scroll');
  });

  it('goes on while pages bring cards to the list', () => {
    let state: OfferPagingState = initialOfferPaging;
    for (let cards = 40; cards < 40 + 10 * MAX_FRUITLESS_PAGES; cards += 10) {
      state = reduceOfferPaging(state, { type: 'ask', searchId: 's1', cards });
      state = reduceOfferPaging(state, { type: 'loaded', searchId: 's1' });
    }
    expect(pageWanted(state, { ...long, nearEnd: true })).toBe('scroll');
  });

  it('stops at the end of a list no page adds to, until the filters change', () => {
    let state: OfferPagingState = initialOfferPaging;
    for (let i = 0; i <= MAX_FRUITLESS_PAGES; i += 1) {
      expect(pageWanted(state, { ...long, nearEnd: true })).toBe('scroll');
      state = reduceOfferPaging(state, { type: 'ask', searchId: 's1', cards: 40 });
      state = reduceOfferPaging(state, { type: 'loaded', searchId: 's1' });
    }
    expect(pageWanted(state, { ...long, nearEnd: true })).toBeUndefined();
    state = reduceOfferPaging(state, { type: 'filters', filterKey: 'autre filtre' });
    expect(pageWanted(state, { ...long, nearEnd: true })).toBe('scroll');
  });

  it('stops filling a short list after a few pages, until the filters change', () => {
    const short = { ...long, cards: 0 };
    let state: OfferPagingState = initialOfferPaging;
    for (let i = 0; i <= MAX_FRUITLESS_PAGES; i += 1) {
      expect(pageWanted(state, short)).toBe('short');
      state = reduceOfferPaging(state, { type: 'ask', searchId: 's1', cards: 0 });
      state = reduceOfferPaging(state, { type: 'loaded', searchId: 's1' });
    }
    expect(pageWanted(state, short)).toBeUndefined();
    state = reduceOfferPaging(state, { type: 'filters', filterKey: 'autre filtre' });
    expect(pageWanted(state, short)).toBe('short');
  });

  it('a restarted search starts its counters again; late answers of the previous one change nothing', () => {
    let state = reduceOfferPaging(initialOfferPaging, { type: 'ask', searchId: 's1', cards: 40 });
    state = reduceOfferPaging(state, { type: 'failed', searchId: 's1', message: 'panne' });
    expect(pageWanted(state, { ...long, searchId: 's2', nearEnd: true })).toBe('scroll');
    state = reduceOfferPaging(state, { type: 'ask', searchId: 's2', cards: 40 });
    expect(state.failure).toBeUndefined();
    expect(reduceOfferPaging(state, { type: 'failed', searchId: 's1', message: 'tard' })).toBe(state);
  });
});
