// The results on the map: one circle per card coloured by kind (CPTS, SOS, general practitioner, with or without
// slots), clusters when there are many, and a ring layer for the hovered and selected markers. Layer ids are in
// French because they show in the map's developer tools next to the style's own.
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { cardFeatures } from './markers';

export const RESULTS = 'resultats';
export const POINTS = 'resultats-points';
export const CLUSTERS = 'resultats-groupes';
export const CLUSTER_COUNT = 'resultats-groupes-nombre';
export const HIGHLIGHT = 'resultats-surlignage';

const markerColor: ExpressionSpecification = [
  'case',
  ['get', 'gp'],
  '#b34000',
  ['==', ['get', 'kind'], 'cpts'],
  '#18753c',
  ['==', ['get', 'kind'], 'sos'],
  '#ce0500',
  ['>', ['get', 'slots'], 0],
  '#000091',
  '#6a6a6a',
];

export function addResultLayers(
  map: MapLibreMap,
  data: ReturnType<typeof cardFeatures>['collection'],
  clustered: boolean,
): void {
  map.addSource(RESULTS, {
    type: 'geojson',
    data,
    ...(clustered ? { cluster: true, clusterRadius: 40, clusterMaxZoom: 13 } : {}),
  });
  // Results are drawn under the patient's point so the patient always stays visible.
  const before = 'patient-point';
  if (clustered) {
    map.addLayer(
      {
        id: CLUSTERS,
        type: 'circle',
        source: RESULTS,
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': '#000091',
          'circle-opacity': 0.85,
          'circle-radius': ['step', ['get', 'point_count'], 14, 20, 18, 100, 24],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      },
      before,
    );
    map.addLayer(
      {
        id: CLUSTER_COUNT,
        type: 'symbol',
        source: RESULTS,
        filter: ['has', 'point_count'],
        layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-size': 12, 'text-allow-overlap': true },
        paint: { 'text-color': '#ffffff' },
      },
      before,
    );
  }
  map.addLayer(
    {
      id: HIGHLIGHT,
      type: 'circle',
      source: RESULTS,
      filter: ['in', ['get', 'key'], ['literal', []]],
      paint: {
        'circle-radius': 13,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#0a76f6',
        'circle-stroke-width': 4,
      },
    },
    before,
  );
  map.addLayer(
    {
      id: POINTS,
      type: 'circle',
      source: RESULTS,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-radius': ['case', ['get', 'gp'], 9, 7],
        'circle-color': markerColor,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    before,
  );
}
