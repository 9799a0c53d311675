// The console's search service follows where a search stands in its offer's pages, and what a page's stream
// passes on to the tab.
import { describe, expect, it } from 'vitest';
import type { ResolvedLocation } from '@shared/domain/search';
import { advance, nextPage, pageEventForTab, pagesSent, pagingOf, samePlace } from '@services/offer-paging';

const location: ResolvedLocation = {
  point: { lat: 44.84, lon: -0.58 },
  precision: 'commune',
  label: 'Bordeaux',
  radiusKm: 10,
  enlargements: 0,
};

describe('offer paging in the console', () => {
  it('opens at the first offer and asks pages of its size until the total', () => {
    const paging = pagingOf(location, { offset: 0, end: 300 }, 750);
    expect(nextPage(paging)).toEqual({ offset: 300, limit: 300 });
    const second = advance(paging!, { offset: 300, end: 600 }, 750);
    expect(nextPage(second)).toEqual({ offset: 600, limit: 300 });
    expect(nextPage(advance(second, { offset: 600, end: 750 }, 750))).toBeUndefined();
  });

  it('has nothing to ask when the offer holds every practitioner or names no range', () => {
    expect(nextPage(pagingOf(location, { offset: 0, end: 40 }, 40))).toBeUndefined();
    expect(pagingOf(location, undefined, 40)).toBeUndefined();
    expect(pagingOf(undefined, { offset: 0, end: 20 }, 40)).toBeUndefined();
    expect(pagingOf(location, { offset: 20, end: 40 }, 40)).toBeUndefined();
  });

  it('never moves backwards (a retry’s first page after further ones)', () => {
    const paging = advance(pagingOf(location, { offset: 0, end: 20 }, 100)!, { offset: 20, end: 40 }, 100);
    expect(advance(paging, { offset: 0, end: 20 }, 100).end).toBe(40);
  });

  it('lists the further pages sent, in requests the route accepts (a retry asks them again)', () => {
    const first = pagingOf(location, { offset: 0, end: 300 }, 5000)!;
    expect(pagesSent(first)).toEqual([]);
    expect(pagesSent(advance(first, { offset: 300, end: 600 }, 5000))).toEqual([{ offset: 300, limit: 300 }]);
    expect(pagesSent({ ...first, end: 2600 })).toEqual([
      { offset: 300, limit: 1000 },
      { offset: 1300, limit: 1000 },
      { offset: 2300, limit: 300 },
    ]);
    expect(pagesSent(undefined)).toEqual([]);
  });

  it('keeps a page to the search’s place and radius', () => {
    const paging = pagingOf(location, { offset: 0, end: 20 }, 100)!;
    expect(samePlace(paging, location)).toBe(true);
    expect(samePlace(paging, { ...location, radiusKm: 15 })).toBe(false);
    expect(samePlace(paging, { ...location, point: { lat: 44.85, lon: -0.58 } })).toBe(false);
  });

  it('passes on a page’s offer, slots and end, not its location; its errors are the page’s', () => {
    expect(pageEventForTab({ type: 'location', location })).toBeUndefined();
    expect(pageEventForTab({ type: 'done', durationMs: 3 })).toEqual({ type: 'done', durationMs: 3 });
    expect(pageEventForTab({ type: 'error', code: 'x', message: 'panne.' })).toEqual({
      type: 'error',
      code: 'offer-page-failed',
      message: 'La suite de la liste des praticiens n’a pas pu être chargée : panne.',
    });
  });
});
