// The training geocoder: the training data set's streets behind the national geocoder's protocol.
import type { Cpts, Practitioner, SosSite } from '@shared/domain/care-offer';
import type { CommuneTable } from '../../geo/communes';
import { createAddressIndex, type AddressIndex } from './search';
import { streetsFromPlaces } from './street-table';

export * from './scoring';
export * from './search';
export * from './server';
export * from './street-table';

export function trainingAddressIndex(
  careOffer: { practitioners: readonly Practitioner[]; cpts: readonly Cpts[]; sosSites: readonly SosSite[] },
  communes: CommuneTable,
): AddressIndex {
  const places = [
    ...careOffer.practitioners.flatMap((p) => p.places),
    ...careOffer.cpts.flatMap((c) => (c.place ? [c.place] : [])),
    ...careOffer.sosSites.map((s) => s.place),
  ];
  return createAddressIndex(communes, streetsFromPlaces(places));
}
