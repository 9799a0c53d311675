// What the map draws besides the results: the search radius, the patient's point (always on top of the results)
// and, on the offline map only, the commune names.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { COMMUNES_FILE, parseCommuneCentroids } from './communes';

export const emptyCollection = { type: 'FeatureCollection' as const, features: [] };

export async function addCommuneNames(map: MapLibreMap): Promise<void> {
  let text: string;
  try {
    const response = await fetch(new URL(COMMUNES_FILE, document.baseURI));
    if (!response.ok) return;
    text = await response.text();
  } catch {
    return;
  }
  const { collection } = parseCommuneCentroids(text);
  if (collection.features.length === 0 || !map.getStyle()) return;
  map.addSource('communes', { type: 'geojson', data: collection });
  map.addLayer(
    {
      id: 'communes-noms',
      type: 'symbol',
      source: 'communes',
      minzoom: 8,
      layout: {
        'text-field': ['get', 'name'],
        'text-size': ['interpolate', ['linear'], ['get', 'population'], 0, 11, 20000, 13, 200000, 15],
        // Bigger communes win the place when names collide.
        'symbol-sort-key': ['-', 0, ['get', 'population']],
        'text-padding': 4,
      },
      paint: { 'text-color': '#3a3a3a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    'rayon-surface',
  );
}

export function addOverlayLayers(map: MapLibreMap): void {
  map.addSource('rayon', { type: 'geojson', data: emptyCollection });
  map.addLayer({
    id: 'rayon-surface',
    type: 'fill',
    source: 'rayon',
    paint: { 'fill-color': '#000091', 'fill-opacity': 0.05 },
  });
  map.addLayer({
    id: 'rayon-limite',
    type: 'line',
    source: 'rayon',
    paint: { 'line-color': '#000091', 'line-width': 2, 'line-dasharray': [3, 2] },
  });
  map.addSource('patient', { type: 'geojson', data: emptyCollection });
  map.addLayer({
    id: 'patient-point',
    type: 'circle',
    source: 'patient',
    paint: {
      'circle-radius': 8,
      'circle-color': '#161616',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 3,
    },
  });
}
