// The offer event carries the nearest page of practitioners, the total, and the GP even when further; the rest
// comes page by page in the same order.
import { describe, expect, it } from 'vitest';
import type { Practitioner } from '@shared/domain/care-offer';
import type { OfferPractitioner } from '@shared/domain/search';
import { GENERAL_MEDICINE } from '@shared/domain/specialties';
import { createDirectory } from '@backend/directory/directory';
import { directoryOffer } from '@backend/search/adapters';
import { firstOfferPage, offerPage } from '@backend/search/offer-page';

const practitioner = (n: number, lat: number): Practitioner => ({
  nationalId: `8${String(n).padStart(11, '0')}`,
  familyName: `Nom${n}`,
  specialties: [GENERAL_MEDICINE],
  places: [{ point: { lat, lon: 0.6 } }],
});
const all = Array.from({ length: 25 }, (_, i) => practitioner(i + 1, 44.2 + i * 0.001));
const entries: OfferPractitioner[] = all.map((p, i) => ({ practitioner: p, distanceKm: i * 0.11, isGp: i === 20 }));

describe('first offer page', () => {
  it('keeps the nearest N and the total, and adds the GP when further', () => {
    const page = firstOfferPage(entries, 10);
    expect(page.total).toBe(25);
    expect(page.shown.map((e) => e.practitioner.familyName)).toEqual([
      ...all.slice(0, 10).map((p) => p.familyName),
      'Nom21',
    ]);
  });

  it('keeps everything when the offer is smaller than a page', () => {
    expect(firstOfferPage(entries.slice(0, 5), 10)).toEqual({ shown: entries.slice(0, 5), total: 5 });
  });
});

describe('further offer pages', () => {
  const offer = directoryOffer(createDirectory({ publishers: [], practitioners: all, cpts: [], sosSites: [] }));
  const request = {
    point: { lat: 44.2, lon: 0.6 },
    radiusKm: 50,
    specialty: { kind: 'coded' as const, coding: GENERAL_MEDICINE },
  };

  it('pages through the same nearest-first order without gaps or repeats', () => {
    const pages = [0, 10, 20].map((offset) => offerPage(offer, { ...request, offset, limit: 10 }));
    expect(pages.map((p) => p.total)).toEqual([25, 25, 25]);
    expect(pages.flatMap((p) => p.practitioners.map((e) => e.practitioner.nationalId))).toEqual(
      all.map((p) => p.nationalId),
    );
    expect(pages[2]?.practitioners).toHaveLength(5);
  });

  it('answers an empty page beyond the end', () => {
    expect(offerPage(offer, { ...request, offset: 100, limit: 10 })).toEqual({ practitioners: [], total: 25 });
  });
});
