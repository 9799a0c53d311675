// The maplibre map itself: created once per style in the container, with its controls, overlays and pointer
// handlers. The handlers read the latest props through a ref, so a new callback from the parent does not
// recreate the map.
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  type GeoJSONSource,
  type MapLayerMouseEvent,
} from 'maplibre-gl';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { fr } from '../i18n/fr';
import { chooseStyle } from './map-style';
import { CLUSTERS, POINTS, RESULTS } from './marker-layers';
import { addCommuneNames, addOverlayLayers } from './overlay-layers';

/** What the map reports back to the parent: hover and selection, shared with the list. */
export interface MapPointerHandlers {
  hoveredKey?: string;
  onSelect: (key: string) => void;
  onHover: (key: string | undefined) => void;
}

export interface MapInstance {
  container: RefObject<HTMLDivElement | null>;
  mapRef: RefObject<MapLibreMap | undefined>;
  /** True once the style and the overlay layers are loaded: the other hooks wait for it. */
  ready: boolean;
  /** True when the map could not be created (no WebGL): the frame says so and the list stays usable. */
  failed: boolean;
}

const FRANCE_CENTER: [number, number] = [2.4, 46.6];

export function useMapInstance(
  styleUrl: string | undefined,
  handlers: { readonly current: MapPointerHandlers },
): MapInstance {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | undefined>(undefined);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

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
      const drawn = map.getLayer(POINTS)
        ? map.queryRenderedFeatures({ layers: [POINTS, CLUSTERS].filter((l) => map.getLayer(l)) }).length
        : 0;
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

  return { container, mapRef, ready, failed };
}
