// The results map (maplibre-gl), loaded lazily: a marker per card, clusters above a few hundred, the patient's
// point and the search radius. Hover and selection are shared with the list both ways, through the parent.
import 'maplibre-gl/dist/maplibre-gl.css';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type ExpressionSpecification,
  type GeoJSONSource,
  type MapLayerMouseEvent,
} from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GeoPoint } from '../../shared/domain/care-offer';
import { fr } from '../i18n/fr';
import type { ResultCard } from '../search/list-rows';
import { boundsOf, circleRing, isGeoPoint } from './geometry';
import { COMMUNES_FILE, parseCommuneCentroids } from './communes';
import { chooseStyle, type MapStyleSource } from './map-style';
import { cardFeatures } from './markers';

let workerInstalled = false;

/**
 * maplibre looks for its worker next to its own module, which the bundler moved. The worker's code is loaded as
 * text (its own lazy chunk, see MapPanel) and started from a blob: URL (allowed by worker-src blob:), so the
 * servers of the renderer (web harness, Electron's app protocol) need no special file types.
 */
export function installWorker(source: string): void {
  if (workerInstalled) return;
  workerInstalled = true;
  setWorkerUrl(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
}

/** Above this many markers, nearby ones are grouped (a thousand dots hide each other and slow the map). */
export const CLUSTER_THRESHOLD = 300;

export interface ResultMapProps extends MapStyleSource {
  cards: readonly ResultCard[];
  patient?: GeoPoint;
  radiusKm?: number;
  selectedKey?: string;
  hoveredKey?: string;
  onSelect: (key: string) => void;
  onHover: (key: string | undefined) => void;
}

const FRANCE_CENTER: [number, number] = [2.4, 46.6];
const RESULTS = 'resultats';
const POINTS = 'resultats-points';
const CLUSTERS = 'resultats-groupes';
const CLUSTER_COUNT = 'resultats-groupes-nombre';
const HIGHLIGHT = 'resultats-surlignage';

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

export default function ResultMap(props: ResultMapProps) {
  const { cards, patient, radiusKm, selectedKey, hoveredKey, styleUrl } = props;
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | undefined>(undefined);
  const handlers = useRef(props);
  handlers.current = props;
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const { collection, unplaced } = useMemo(() => cardFeatures(cards), [cards]);
  const clustered = collection.features.length > CLUSTER_THRESHOLD;

  // The map itself: created once per style.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: element,
        style: chooseStyle({ ...(styleUrl ? { styleUrl } : {}) }, document.baseURI),
        center: FRANCE_CENTER,
        zoom: 5,
        attributionControl: false,
        locale: { ...fr.map.controls, 'Map.Title': fr.map.label },
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch {
      setFailed(true);
      return;
    }
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new AttributionControl({ compact: true }), 'bottom-right');
    map.on('load', () => {
      addOverlayLayers(map);
      setReady(true);
      // Commune names help to place the patient and the practitioners; only on the offline map (a production
      // style has its own labels). The map works without them if the file cannot be read.
      if (!styleUrl) void addCommuneNames(map);
    });
    map.on('idle', () => {
      // For tests and for the regulator's screen reader: how many markers are actually drawn.
      const drawn = map.getLayer(POINTS) ? map.queryRenderedFeatures({ layers: [POINTS, CLUSTERS].filter((l) => map.getLayer(l)) }).length : 0;
      element.dataset.renderedMarkers = String(drawn);
      element.dataset.idle = 'true';
    });
    map.on('movestart', () => {
      element.dataset.idle = 'false';
    });
    const onPointMove = (event: MapLayerMouseEvent) => {
      const key = event.features?.[0]?.properties?.key;
      if (typeof key === 'string') {
        map.getCanvas().style.cursor = 'pointer';
        if (handlers.current.hoveredKey !== key) handlers.current.onHover(key);
      }
    };
    const onPointLeave = () => {
      map.getCanvas().style.cursor = '';
      handlers.current.onHover(undefined);
    };
    const onPointClick = (event: MapLayerMouseEvent) => {
      const key = event.features?.[0]?.properties?.key;
      if (typeof key === 'string') handlers.current.onSelect(key);
    };
    const onClusterClick = (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      const id = feature?.properties?.cluster_id;
      const source = map.getSource<GeoJSONSource>(RESULTS);
      if (typeof id !== 'number' || !source || feature?.geometry.type !== 'Point') return;
      const [lon, lat] = feature.geometry.coordinates;
      void source.getClusterExpansionZoom(id).then((zoom) => map.easeTo({ center: [lon ?? 0, lat ?? 0], zoom }));
    };
    map.on('mousemove', POINTS, onPointMove);
    map.on('mouseleave', POINTS, onPointLeave);
    map.on('click', POINTS, onPointClick);
    map.on('click', CLUSTERS, onClusterClick);
    return () => {
      setReady(false);
      mapRef.current = undefined;
      map.remove();
    };
  }, [styleUrl]);

  // Markers: new data on every change of the cards; the source is rebuilt when clustering switches on or off.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const source = map.getSource<GeoJSONSource>(RESULTS);
    const wasClustered = container.current?.dataset.clustered === 'true';
    if (source && wasClustered === clustered) {
      source.setData(collection);
    } else {
      for (const layer of [HIGHLIGHT, CLUSTER_COUNT, CLUSTERS, POINTS]) if (map.getLayer(layer)) map.removeLayer(layer);
      if (source) map.removeSource(RESULTS);
      addResultLayers(map, collection, clustered);
    }
    if (container.current) {
      container.current.dataset.markers = String(collection.features.length);
      container.current.dataset.clustered = String(clustered);
    }
  }, [ready, collection, clustered]);

  // The patient and the radius; the view is framed on them when they change (not on every slot update).
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const radius = map.getSource<GeoJSONSource>('rayon');
    const point = map.getSource<GeoJSONSource>('patient');
    if (!isGeoPoint(patient)) {
      radius?.setData(emptyCollection);
      point?.setData(emptyCollection);
      return;
    }
    const ring = radiusKm !== undefined && radiusKm > 0 ? circleRing(patient, radiusKm) : undefined;
    radius?.setData(ring ? { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: {} } : emptyCollection);
    point?.setData({ type: 'Feature', geometry: { type: 'Point', coordinates: [patient.lon, patient.lat] }, properties: {} });
    const bounds = boundsOf(ring ?? [[patient.lon, patient.lat]]);
    if (bounds) map.fitBounds(bounds, { padding: 24, maxZoom: 14, duration: 0 });
  }, [ready, patient, radiusKm]);

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

  return (
    <div className="result-map-frame">
      <div ref={container} className="result-map" role="region" aria-label={fr.map.label} data-testid="result-map" />
      {!ready && !failed && <p className="map-overlay">{fr.map.loading}</p>}
      {failed && (
        <p className="map-overlay map-overlay-error" role="status">
          {fr.map.failed}
        </p>
      )}
      <ul className="map-legend" aria-label={fr.map.legend}>
        {isGeoPoint(patient) && <li className="legend legend-patient">{fr.map.patient}</li>}
        <li className="legend legend-gp">{fr.map.legendGp}</li>
        <li className="legend legend-ps">{fr.map.legendSlots}</li>
        <li className="legend legend-none">{fr.map.legendNoSlot}</li>
        <li className="legend legend-cpts">{fr.map.legendCpts}</li>
        <li className="legend legend-sos">{fr.map.legendSos}</li>
        {unplaced > 0 && <li>{fr.map.noPoint(unplaced)}</li>}
      </ul>
    </div>
  );
}

const emptyCollection = { type: 'FeatureCollection' as const, features: [] };

async function addCommuneNames(map: MapLibreMap): Promise<void> {
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

function addOverlayLayers(map: MapLibreMap): void {
  map.addSource('rayon', { type: 'geojson', data: emptyCollection });
  map.addLayer({ id: 'rayon-surface', type: 'fill', source: 'rayon', paint: { 'fill-color': '#000091', 'fill-opacity': 0.05 } });
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
    paint: { 'circle-radius': 8, 'circle-color': '#161616', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
  });
}

function addResultLayers(map: MapLibreMap, data: ReturnType<typeof cardFeatures>['collection'], clustered: boolean): void {
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
      paint: { 'circle-radius': 13, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#0a76f6', 'circle-stroke-width': 4 },
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
