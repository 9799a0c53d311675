// The bench's care offer: the training data set with each of its ten publishers split in two, giving the twenty
// publishers the search benchmarks call. Each publisher keeps every other one of its practitioners (and SOS sites), taken
// in order of distance from the bench's search point, so that all twenty publishers hold practitioners of the
// search; their slot patterns follow them. Pure and deterministic: the publishers' process, the backend's
// process and the baseline strategy each derive the same data.
import { distanceKm } from '@backend/geo/distance';
import { trainingPlaceholder, type Publisher } from '@backend/directory/publishers';
import type { LoadedTrainingDataset } from '@backend/training/dataset/files';
import type { GeoPoint, Practitioner, SosSite } from '@shared/domain/care-offer';
import type { LaunchLocation } from '@shared/domain/launch';

/** The bench's search: an address in Bordeaux, the urban training department (general medicine by default). */
export const BENCH_LOCATION: LaunchLocation = {
  inseeCode: '33063',
  city: 'Bordeaux',
  streetName: 'cours de l’Intendance',
  streetNumber: '10',
};
/** Bordeaux's commune centroid, near where the search is centred (the training geocoder works at commune level). */
const BENCH_POINT: GeoPoint = { lat: 44.8378, lon: -0.5792 };

const TWIN_SUFFIX = '-2';

function twinOf(publisher: Publisher): Publisher {
  const id = `${publisher.id}${TWIN_SUFFIX}`;
  return {
    ...publisher,
    id,
    name: `${publisher.name} 2`,
    fhirBaseUrl: trainingPlaceholder(id),
    bookingOrigins: [trainingPlaceholder(id)],
  };
}

const nearest = (point: GeoPoint | undefined) => (point ? distanceKm(point, BENCH_POINT) : Number.POSITIVE_INFINITY);
const practitionerDistance = (p: Practitioner) =>
  Math.min(...p.places.map((place) => nearest(place.point)), Number.POSITIVE_INFINITY);

/** Every other holder of each publisher, nearest to the search point first, moves to the publisher's twin. */
function moves<T>(
  items: readonly T[],
  sourceOf: (item: T) => string | undefined,
  idOf: (item: T) => string,
  distance: (item: T) => number,
  publisherIds: ReadonlySet<string>,
) {
  const bySource = new Map<string, T[]>();
  for (const item of items) {
    const source = sourceOf(item);
    if (source && publisherIds.has(source)) bySource.set(source, [...(bySource.get(source) ?? []), item]);
  }
  const moved = new Map<string, string>();
  for (const [source, held] of bySource) {
    const ordered = [...held].sort((a, b) => distance(a) - distance(b) || idOf(a).localeCompare(idOf(b)));
    ordered.forEach((item, index) => {
      if (index % 2 === 1) moved.set(idOf(item), `${source}${TWIN_SUFFIX}`);
    });
  }
  return moved;
}

export function splitPublishers(dataset: LoadedTrainingDataset): LoadedTrainingDataset {
  const originals = dataset.careOffer.publishers;
  const ids = new Set(originals.map((p) => p.id));
  const publishers = originals.flatMap((p) => [p, twinOf(p)]);
  const movedPractitioners = moves(
    dataset.careOffer.practitioners,
    (p) => p.agendaSource,
    (p) => p.nationalId,
    practitionerDistance,
    ids,
  );
  const movedSites = moves(
    dataset.careOffer.sosSites,
    (s: SosSite) => s.agendaSource,
    (s) => s.id,
    (s) => nearest(s.place.point),
    ids,
  );
  const practitioners = dataset.careOffer.practitioners.map((p) => {
    const source = movedPractitioners.get(p.nationalId);
    return source ? { ...p, agendaSource: source } : p;
  });
  const sosSites = dataset.careOffer.sosSites.map((s) => {
    const source = movedSites.get(s.id);
    return source ? { ...s, agendaSource: source } : s;
  });
  const patterns = dataset.patterns.map((pattern) => {
    const owner = pattern.owner.kind === 'practitioner' ? pattern.owner.nationalId : pattern.owner.siteId;
    const source = (pattern.owner.kind === 'practitioner' ? movedPractitioners : movedSites).get(owner);
    return source && pattern.sourceId !== source ? { ...pattern, sourceId: source } : pattern;
  });
  return { ...dataset, careOffer: { ...dataset.careOffer, publishers, practitioners, sosSites }, patterns };
}

export interface PublisherPlan {
  id: string;
  /** Fixed answer time (ms): latencies are spread evenly from 50 to 800 ms over the publishers. */
  latencyMs: number;
}

const FASTEST_MS = 50;
const SLOWEST_MS = 800;

/** Latencies in registry order (an original and its twin get different ones): 50, 89, ... 800 ms. */
export function latencyPlan(publishers: readonly Publisher[]): PublisherPlan[] {
  const n = publishers.length;
  return publishers.map((p, i) => ({
    id: p.id,
    latencyMs: Math.round(FASTEST_MS + (n > 1 ? (i * (SLOWEST_MS - FASTEST_MS)) / (n - 1) : 0)),
  }));
}

/** The two faulty publishers of P1/P2/P3: mid-range ones, so the fastest and slowest answering stay 50 and 800 ms. */
export function faultyPublishers(publishers: readonly Publisher[]): { hanging: string; failing: string } {
  const ps = publishers.filter((p) => p.kind !== 'sos');
  const hanging = ps[Math.floor(ps.length / 2) - 1]?.id;
  const failing = ps[Math.floor((ps.length * 3) / 4)]?.id;
  if (!hanging || !failing || hanging === failing) throw new Error('not enough publishers to choose two faulty ones');
  return { hanging, failing };
}
