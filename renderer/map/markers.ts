// Result cards as map features: one point per card that has a position, keyed like the card.
import type { FeatureCollection, Point } from 'geojson';
import type { GeoPoint } from '../../shared/domain/care-offer';
import type { ResultCard } from '../search/list-rows';
import { isGeoPoint } from './geometry';

export interface MarkerProperties {
  key: string;
  kind: ResultCard['kind'];
  /** The patient's GP (drawn distinctly). */
  gp: boolean;
  slots: number;
}

/** Where a card sits on the map: the practitioner's first located place, the CPTS's or the site's place. */
function cardPoint(card: ResultCard): GeoPoint | undefined {
  switch (card.kind) {
    case 'practitioner':
      return card.practitioner.places.map((p) => p.point).find(isGeoPoint);
    case 'cpts':
      return isGeoPoint(card.cpts.place?.point) ? card.cpts.place?.point : undefined;
    case 'sos':
      return isGeoPoint(card.site.place.point) ? card.site.place.point : undefined;
    case 'structure':
      return isGeoPoint(card.structure.place?.point) ? card.structure.place?.point : undefined;
    default:
      return undefined;
  }
}

export function cardFeatures(cards: readonly ResultCard[]): {
  collection: FeatureCollection<Point, MarkerProperties>;
  unplaced: number;
} {
  let unplaced = 0;
  const features: FeatureCollection<Point, MarkerProperties>['features'] = [];
  for (const card of cards) {
    const point = cardPoint(card);
    if (!point) {
      unplaced += 1;
      continue;
    }
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [point.lon, point.lat] },
      properties: {
        key: card.key,
        kind: card.kind,
        gp: card.kind === 'practitioner' && card.isGp,
        slots: card.slots.length,
      },
    });
  }
  return { collection: { type: 'FeatureCollection', features }, unplaced };
}
