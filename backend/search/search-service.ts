// One search, end to end: locate the patient, choose the radius, select the care offer, then stream slots from
// every source. Events go out in the order the console relies on: location, offer, slots/source-status, done.
import { foldText } from '@shared/util/text';
import type { Cpts, GeoPoint, Practitioner } from '../../shared/domain/care-offer';
import { distanceKm } from '../geo/distance';
import type { GpReference, SpecialtyReference } from '../../shared/domain/launch';
import { GENERAL_MEDICINE, isGeneralMedicine } from '../../shared/domain/specialties';
import type {
  CareOffer,
  GpLookup,
  OfferCpts,
  OfferPractitioner,
  SearchEvent,
  SearchQuery,
} from '../../shared/domain/search';
import type { SearchWindow } from '../../shared/fhir/build-search';
import { timeZoneOfPlace } from '../../shared/util/time-zone';
import { aggregateSlots, type AggregatorDeps, type SlotSource } from './aggregator';
import { SAS_AGENDA_SOURCE } from '../directory/publishers';
import { cptsMembers } from './cpts-members';
import { resolveSpecialty, specialtyResolution } from './specialty';
import { DEFAULT_OFFER_PAGE_SIZE, requestedOfferPage } from './offer-page';
import type { LocationResolver, OfferDirectory, PublisherRegistry, Within } from './ports';
import type { SearchObserver } from '../observability/search-observer';

/** General medicine (TRE_R38 SM54): the platform's default when the LRM names no specialty. */
export const DEFAULT_SPECIALTY: SpecialtyReference = { kind: 'coded', coding: GENERAL_MEDICINE };

/** Kept out of the budget to stream the last statuses and `done` before the budget is reached. */
const FINISH_MARGIN_MS = 20;

export interface SearchServiceDeps {
  /** Watches each search's events for its log line and metrics (observability/search-observer.ts). */
  observe?: SearchObserver;
  locations: LocationResolver;
  directory: OfferDirectory;
  publishers: PublisherRegistry;
  aggregator: AggregatorDeps;
  /** The search window, in the patient's time zone (an overseas patient's days are not Paris days). */
  window: (now: Date, timeZone: string) => SearchWindow;
  clock: () => Date;
  /** Practitioners in the `offer` event (nearest first); the console pages through the rest. */
  offerPageSize?: number;
}

export interface SearchOptions {
  /** Re-ask only these sources (a retry after failures); the location and offer events are sent again. */
  onlySources?: readonly string[];
  /** A further page of the offer's practitioners: only they are sent and only their sources asked. */
  page?: { offset: number; limit: number };
}

export async function runSearch(
  deps: SearchServiceDeps,
  query: SearchQuery,
  options: SearchOptions,
  emit: (event: SearchEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const started = deps.aggregator.now();
  const done = () => emit({ type: 'done', durationMs: Math.round(deps.aggregator.now() - started) });

  const specialty = query.specialty ?? DEFAULT_SPECIALTY;
  const codings = resolveSpecialty(specialty);
  // A specialty the tables do not know still gets the patient located (radius of general medicine): the tab shows
  // where the search would look while the regulator picks the specialty among the suggestions.
  const located = await deps.locations.locate(query.location, codings ? specialty : DEFAULT_SPECIALTY, signal);
  if (signal.aborted) return;
  if (!located.ok) {
    emit({ type: 'error', code: located.code, message: located.message });
    return done();
  }
  if (!codings) {
    emit({ type: 'location', location: located.location });
    emit({ type: 'error', code: 'unknown-specialty', message: unknownSpecialtyMessage(specialty) });
    return done();
  }
  const { radiusKm } = located.location;
  const practitioners = deps.directory.practitionersWithin(located.location.point, radiusKm, specialty);
  emit({ type: 'location', location: located.location });

  const point = located.location.point;
  const gp = lookUpGp(deps.directory, query.gp, practitioners);
  const offerPractitioners: OfferPractitioner[] = practitioners.map(({ item, distanceKm: d }) => ({
    practitioner: item,
    distanceKm: d,
    isGp: gp.state === 'found' && gp.nationalId === item.nationalId,
  }));
  if (gp.state === 'found' && !offerPractitioners.some((p) => p.isGp)) {
    const practitioner = deps.directory.practitionerById(gp.nationalId);
    if (practitioner)
      offerPractitioners.push({ practitioner, distanceKm: distanceTo(practitioner, point), isGp: true });
  }
  const page = requestedOfferPage(offerPractitioners, deps.offerPageSize ?? DEFAULT_OFFER_PAGE_SIZE, options.page);
  // A further page brings its practitioners (and the CPTS they participate via) only: the search already sent
  // the CPTS, SOS sites and structures around the patient, and asked their sources.
  const further = options.page !== undefined;
  const cpts = offerCpts(deps.directory, point, radiusKm, offerPractitioners)
    .filter((offered) => !further || page.shown.some((p) => participatesVia(p, offered.cpts.finess)))
    .map((offered) => ({
      ...offered,
      members: cptsMembers(offered.cpts, (id) => deps.directory.practitionerById(id), { point, radiusKm, codings }),
    }));
  // SOS Médecins are general practitioners: their sites answer general medicine searches only.
  const sosSites =
    codings.some(isGeneralMedicine) && !further
      ? deps.directory.sosSitesWithin(point, radiusKm).map(({ item, distanceKm: d }) => ({ site: item, distanceKm: d }))
      : [];

  const structures = further
    ? []
    : (deps.directory.structuresWithin?.(point, radiusKm) ?? []).map(({ item, distanceKm: d }) => ({
        structure: item,
        distanceKm: d,
      }));
  // Publishers are asked only for the practitioners the console shows.
  const sources = planSources(
    deps.publishers,
    page.shown,
    sosSites.map((s) => s.site),
    cpts.map((c) => c.cpts.finess),
  );
  const wanted = options.onlySources ? new Set(options.onlySources) : undefined;
  const chosen = wanted ? sources.filter((s) => wanted.has(s.info.id)) : sources;
  const offer: CareOffer = {
    practitioners: page.shown,
    practitionerTotal: page.total,
    page: page.range,
    cpts,
    sosSites,
    ...(structures.length > 0 ? { structures } : {}),
    sources: chosen.map((s) => s.info),
  };
  emit({ type: 'offer', offer, gp });

  // The budget runs from the request, not from the first publisher call: locating the patient and choosing the
  // offer come out of it, and a little is kept to send the last events.
  const deadline = started + deps.aggregator.budgetMs - FINISH_MARGIN_MS;
  await aggregateSlots(
    chosen,
    deps.window(deps.clock(), timeZoneOfPlace(located.location)),
    deps.aggregator,
    emit,
    signal,
    deadline,
  );
  if (!signal.aborted) done();
}

function unknownSpecialtyMessage(specialty: SpecialtyReference): string {
  const resolution = specialtyResolution(specialty);
  const text = specialty.kind === 'text' ? specialty.text : specialty.coding.code;
  const nearest = resolution.resolved ? '' : ` Proches : ${resolution.suggestions.map((s) => s.label).join(', ')}.`;
  return `Spécialité non reconnue : « ${text.slice(0, 80)} ». Choisissez-la dans la liste.${nearest}`;
}

function distanceTo(practitioner: Practitioner, point: GeoPoint): number | undefined {
  const distances = practitioner.places.flatMap((place) => (place.point ? [distanceKm(place.point, point)] : []));
  return distances.length > 0 ? Math.min(...distances) : undefined;
}

/** The GP named by the LRM: by national id anywhere in the directory, by name only among the offer. */
function lookUpGp(
  directory: OfferDirectory,
  reference: GpReference | undefined,
  offer: Within<Practitioner>[],
): GpLookup {
  if (!reference) return { state: 'not-provided' };
  if (reference.kind === 'national-id') {
    return directory.practitionerById(reference.nationalId)
      ? { state: 'found', nationalId: reference.nationalId }
      : { state: 'not-found', reference };
  }
  const wanted = normalizeName(reference.text);
  const matches = offer.filter(({ item }) => {
    const full = normalizeName(`${item.givenName ?? ''} ${item.familyName}`);
    const reversed = normalizeName(`${item.familyName} ${item.givenName ?? ''}`);
    return wanted === normalizeName(item.familyName) || wanted === full || wanted === reversed;
  });
  // A name shared by two practitioners identifies neither: better say so than pin the wrong one.
  return matches.length === 1 && matches[0]
    ? { state: 'found', nationalId: matches[0].item.nationalId }
    : { state: 'not-found', reference };
}

function normalizeName(text: string): string {
  return foldText(text.replace(/^\s*(dr|docteur|pr)\.?\s+/iu, ''));
}

/** CPTS in the radius, and the CPTS of participating practitioners in the offer (their contact beyond slots). */
function offerCpts(
  directory: OfferDirectory,
  point: GeoPoint,
  radiusKm: number,
  practitioners: OfferPractitioner[],
): OfferCpts[] {
  const byFiness = new Map<string, OfferCpts>();
  for (const { item, distanceKm: d } of directory.cptsWithin(point, radiusKm))
    byFiness.set(item.finess, { cpts: item, distanceKm: d });
  for (const { practitioner } of practitioners) {
    const finess = practitioner.participation?.mode === 'cpts' ? practitioner.participation.structureId : undefined;
    if (!finess || byFiness.has(finess)) continue;
    const cpts: Cpts | undefined = directory.cptsByFiness(finess);
    if (cpts)
      byFiness.set(finess, { cpts, distanceKm: cpts.place?.point ? distanceKm(cpts.place.point, point) : undefined });
  }
  return [...byFiness.values()];
}

function participatesVia(entry: OfferPractitioner, finess: string): boolean {
  const participation = entry.practitioner.participation;
  return participation?.mode === 'cpts' && participation.structureId === finess;
}

function planSources(
  registry: PublisherRegistry,
  practitioners: OfferPractitioner[],
  sosSites: { id: string; associationId?: string; agendaSource?: string }[],
  cptsFinesses: string[],
): SlotSource[] {
  const byPublisher = new Map<string, string[]>();
  const agenda: string[] = [];
  const agendaSites: string[] = [];
  for (const { practitioner } of practitioners) {
    const source = practitioner.agendaSource;
    if (!source) continue;
    if (source === SAS_AGENDA_SOURCE.id) agenda.push(practitioner.nationalId);
    else byPublisher.set(source, [...(byPublisher.get(source) ?? []), practitioner.nationalId]);
  }
  // SOS publishers are searched by association (actor:Location.organization.identifier), not by site.
  for (const site of sosSites) {
    // « Temps n°1 »: a SOS site not yet interfaced puts its slots in the SAS agenda.
    if (site.agendaSource === SAS_AGENDA_SOURCE.id) agendaSites.push(site.id);
    else if (site.agendaSource)
      byPublisher.set(site.agendaSource, [
        ...(byPublisher.get(site.agendaSource) ?? []),
        site.associationId ?? site.id,
      ]);
  }
  const cptsByPractitioner = new Map<string, string>();
  for (const { practitioner } of practitioners) {
    const participation = practitioner.participation;
    if (participation?.mode === 'cpts' && participation.structureId !== undefined)
      cptsByPractitioner.set(practitioner.nationalId, participation.structureId);
  }
  const sources: SlotSource[] = [];
  for (const [id, ids] of byPublisher) {
    const entry = registry.get(id);
    if (!entry) continue;
    sources.push({
      kind: 'publisher',
      info: { id: entry.id, name: entry.name, kind: 'publisher' },
      flavour: entry.flavour,
      baseUrl: entry.fhirBaseUrl,
      cpts: entry.cpts,
      regulatorAccounts: entry.regulatorAccounts,
      ids: [...new Set(ids)],
      ...(entry.flavour === 'ps' ? { cptsByPractitioner } : {}),
    });
  }
  // The SAS agenda is asked when someone in the offer uses it; the offer's CPTS are asked along for their own slots.
  if (agenda.length > 0 || agendaSites.length > 0)
    sources.push({
      kind: 'sas-agenda',
      info: SAS_AGENDA_SOURCE,
      ids: agenda,
      structures: { cptsFinesses: [...new Set(cptsFinesses)], sosSiteIds: agendaSites },
    });
  return sources;
}
