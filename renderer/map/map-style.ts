// The base map. Offline by default: department outlines shipped with the console (no tiles, no glyphs URL, no
// network beyond the console's own origin). In production a vector style URL can be configured instead (IGN's
// PLAN.IGN styles, see toolchain.md): `MapStyleSource.styleUrl`. Hook: pass it from the console settings once they
// carry one (settings.ui); the CSP's connect-src must then list that host.
import type { StyleSpecification } from 'maplibre-gl';

export interface MapStyleSource {
  /** A remote vector style (production); absent: the offline department map. */
  styleUrl?: string;
}

/** Where the renderer serves the department outlines (resources/geo/, the renderer's public folder). */
const DEPARTMENTS_FILE = 'departements-metropole-simplifie.geojson';

function departmentsUrl(baseUri: string): string {
  return new URL(DEPARTMENTS_FILE, baseUri).href;
}

/** A GeoJSON-only style: sea, land by department, outlines. Works without any network. */
export function offlineStyle(departmentsDataUrl: string): StyleSpecification {
  return {
    version: 8,
    name: 'SAS Console — fond hors ligne',
    sources: {
      departements: {
        type: 'geojson',
        data: departmentsDataUrl,
        attribution: 'Départements et communes : IGN Admin Express, Licence Ouverte',
      },
    },
    layers: [
      { id: 'fond', type: 'background', paint: { 'background-color': '#dce8f2' } },
      { id: 'departements-surface', type: 'fill', source: 'departements', paint: { 'fill-color': '#f7f6f1' } },
      {
        id: 'departements-limites',
        type: 'line',
        source: 'departements',
        paint: { 'line-color': '#8f8f8f', 'line-width': 0.8 },
      },
    ],
  };
}

export function chooseStyle(source: MapStyleSource, baseUri: string): string | StyleSpecification {
  const url = source.styleUrl?.trim();
  return url ? url : offlineStyle(departmentsUrl(baseUri));
}

/**
 * The production style URL from the console settings, once they carry one (`settings.ui.mapStyleUrl`, HTTPS only).
 * Until then the offline map is used everywhere.
 */
export function mapStyleUrlFromSettings(settings: { ui?: object } | undefined): string | undefined {
  const ui = settings?.ui;
  const value = ui && 'mapStyleUrl' in ui ? (ui as { mapStyleUrl?: unknown }).mapStyleUrl : undefined;
  return typeof value === 'string' && /^https:\/\/[^\s]+$/u.test(value) ? value : undefined;
}
