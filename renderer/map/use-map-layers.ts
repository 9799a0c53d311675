// Keeps the map's layers in step with the props: the result markers (source data, or the source rebuilt when
// clustering switches on or off) and the patient's point with the search radius.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, type RefObject } from 'react';
import type { GeoPoint } from '../../shared/domain/care-offer';
import { boundsOf, circleRing, isGeoPoint } from './geometry';
import { addResultLayers, CLUSTER_COUNT, CLUSTERS, HIGHLIGHT, POINTS, RESULTS } from './marker-layers';
import type { cardFeatures } from './markers';
import { emptyCollection } from './overlay-layers';

type MarkerCollection = ReturnType<typeof cardFeatures>['collection'];

export function useResultMarkers(
  mapRef: RefObject<MapLibreMap | undefined>,
  container: RefObject<HTMLDivElement | null>,
  ready: boolean,
  collection: MarkerCollection,
  clustered: boolean,
): void {
  // Markers: new data on every change of the cards; the source is rebuilt when clustering switches on or off.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const source = map.getSource<GeoJSONSource>(RESULTS);
    const wasClustered = container.current?.dataset.clustered === 'true';
    if (source && wasClustered === clustered) {
      void source.setData(collection);
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
}

export function usePatientArea(
  mapRef: RefObject<MapLibreMap | undefined>,
  ready: boolean,
  patient: GeoPoint | undefined,
  radiusKm: number | undefined,
): void {
  // The patient and the radius; the view is framed on them when they change (not on every slot update).
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const radius = map.getSource<GeoJSONSource>('rayon');
    const point = map.getSource<GeoJSONSource>('patient');
    if (!isGeoPoint(patient)) {
      void radius?.setData(emptyCollection);
      void point?.setData(emptyCollection);
      return;
    }
    const ring = radiusKm !== undefined && radiusKm > 0 ? circleRing(patient, radiusKm) : undefined;
    void radius?.setData(
      ring ? { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: {} } : emptyCollection,
    );
    void point?.setData({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [patient.lon, patient.lat] },
      properties: {},
    });
    const bounds = boundsOf(ring ?? [[patient.lon, patient.lat]]);
    if (bounds) map.fitBounds(bounds, { padding: 24, maxZoom: 14, duration: 0 });
  }, [ready, patient, radiusKm]);
}
