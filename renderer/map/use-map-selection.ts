// Hover and selection on the map, both ways with the list: the hovered and selected markers get a ring, and a card
// selected in the list is brought into view.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, type RefObject } from 'react';
import { HIGHLIGHT } from './marker-layers';
import type { cardFeatures } from './markers';

type MarkerCollection = ReturnType<typeof cardFeatures>['collection'];

export function useMapSelection(
  mapRef: RefObject<MapLibreMap | undefined>,
  ready: boolean,
  collection: MarkerCollection,
  selectedKey: string | undefined,
  hoveredKey: string | undefined,
): void {
  // Hover and selection drawn as a ring around the marker.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !map.getLayer(HIGHLIGHT)) return;
    const keys = [selectedKey, hoveredKey].filter((k): k is string => k !== undefined);
    map.setFilter(HIGHLIGHT, ['all', ['!', ['has', 'point_count']], ['in', ['get', 'key'], ['literal', keys]]]);
  }, [ready, selectedKey, hoveredKey, collection]);

  // A card selected in the list is brought into view on the map.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !selectedKey) return;
    const feature = collection.features.find((f) => f.properties.key === selectedKey);
    if (!feature) return;
    const [lon, lat] = feature.geometry.coordinates;
    if (lon === undefined || lat === undefined) return;
    if (!map.getBounds().contains([lon, lat])) map.easeTo({ center: [lon, lat], duration: 300 });
    // Only a new selection moves the view: markers arriving (collection) must not, hence not a dependency.
  }, [ready, selectedKey]);
}
