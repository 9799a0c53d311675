// From a search's event stream to the cards the UI shows: first intention (practitioners with slots, the GP
// pinned first), SOS Médecins sites, and second intention (CPTS cards with their contact number and members, and
// the practitioners who accept patients beyond their slots, with or without slots). Pure functions.
import type { Cpts, HealthStructure, Practitioner, SosSite } from '../domain/care-offer';
import type { CareOffer, GpLookup, OfferCptsMember, ResolvedLocation, SearchEvent } from '../domain/search';
import type { Slot } from '../domain/slot';
import { localDate } from '../util/time-zone';
import { countFacets, slotMatches, slotStartMs, type FilterFacets, type SearchFilters } from './filters';
import { orderCards, orderingFor, type OrderRule, type Ordering } from './order';
import { mspLookup, structureCards, type StructureCard } from './structure-cards';

export interface PractitionerCard {
  kind: 'practitioner';
  /** Stable key, e.g. for React: `ps:<IDNPS>`. */
  key: string;
  practitioner: Practitioner;
  distanceKm?: number;
  /** The patient's médecin traitant named by the LRM: pinned first and highlighted. */
  isGp: boolean;
  /** Slots passing the filters, by start time (CPTS slots of this practitioner included). */
  slots: Slot[];
  /** Slots received before filtering. */
  totalSlots: number;
  /** The CPTS the practitioner participates through, when known. */
  cpts?: Cpts;
  /** The MSP the practitioner participates through, when the offer lists it. */
  msp?: HealthStructure;
  /**
   * Number for a patient beyond slots: the CPTS coordination's for a PS participating via a CPTS, the MSP's via an
   * MSP, else the PS's.
   */
  contactPhone?: string;
  acceptsBeyondSlots: boolean;
}

export interface CptsCard {
  kind: 'cpts';
  key: string;
  cpts: Cpts;
  distanceKm?: number;
  contactPhone?: string;
  /** CPTS slots without a named practitioner, filtered, by start time. */
  slots: Slot[];
  totalSlots: number;
  /** Every practitioner of the offer participating through this CPTS ("Voir tous les professionnels de la CPTS"). */
  members: PractitionerCard[];
  /** The CPTS's other members, beyond the radius or of another specialty (marked so by the backend). */
  otherMembers: OfferCptsMember[];
}

export interface SosSiteCard {
  kind: 'sos';
  key: string;
  site: SosSite;
  distanceKm?: number;
  slots: Slot[];
  totalSlots: number;
}

export interface SearchResults {
  ordering: Ordering;
  /** Practitioners with slots passing the filters; the GP first (even without slots unless availableOnly). */
  firstIntention: PractitionerCard[];
  sosSites: SosSiteCard[];
  /**
   * The first-intention list as shown: by distance, the SOS sites interleaved with the practitioners they compete
   * with (the GP still first); in the seeded order, the practitioners then the SOS sites.
   */
  firstIntentionWithSos: (PractitionerCard | SosSiteCard)[];
  secondIntention: {
    cpts: CptsCard[];
    /** Practitioners accepting patients beyond their slots, with or without slots (GP first). */
    practitioners: PractitionerCard[];
    /** MSP and centres de santé around the patient, nearest first (a phone, no slots). */
    structures: StructureCard[];
  };
  facets: FilterFacets;
}

/** What the ranking needs from a search, accumulated from its events. */
export interface SearchState {
  location?: ResolvedLocation;
  offer?: CareOffer;
  gp?: GpLookup;
  /** Slots per source: batches add up; `restartSources` starts a retried source afresh. */
  slotsBySource: ReadonlyMap<string, readonly Slot[]>;
}

const EMPTY_SEARCH_STATE: SearchState = { slotsBySource: new Map() };

/** Folds one event into the state (returns a new state; the old one is untouched). */
export function applySearchEvent(state: SearchState, event: SearchEvent): SearchState {
  switch (event.type) {
    case 'location':
      return { ...state, location: event.location };
    case 'offer':
      return { ...state, offer: event.offer, gp: event.gp };
    case 'slots': {
      // A source answers in batches (25 practitioners each): every batch adds to what the source gave so far.
      const slotsBySource = new Map(state.slotsBySource);
      const known = slotsBySource.get(event.sourceId) ?? [];
      const ids = new Set(known.map((slot) => slot.id));
      slotsBySource.set(event.sourceId, [...known, ...event.slots.filter((slot) => !ids.has(slot.id))]);
      return { ...state, slotsBySource };
    }
    default:
      return state;
  }
}

/** Before re-asking sources (retry): their earlier slots are dropped, their new answers start afresh. */
export function restartSources(state: SearchState, sourceIds: readonly string[]): SearchState {
  const slotsBySource = new Map(state.slotsBySource);
  for (const id of sourceIds) slotsBySource.delete(id);
  return { ...state, slotsBySource };
}

export function collectSearchEvents(events: readonly SearchEvent[]): SearchState {
  return events.reduce(applySearchEvent, EMPTY_SEARCH_STATE);
}

export interface RankingOptions {
  /** Seed of the neutral order: the search id, so a search keeps its order while it lives. */
  seed: string;
  /** The current time, for "today" (Europe/Paris day). */
  now: Date | number;
  filters?: SearchFilters;
}

export function rankResults(state: SearchState, options: RankingOptions): SearchResults {
  const filters = options.filters ?? {};
  const today = localDate(typeof options.now === 'number' ? options.now : options.now.getTime());
  const rule: OrderRule = { seed: options.seed };
  if (state.location?.precision !== undefined) rule.precision = state.location.precision;
  const offer = state.offer ?? { practitioners: [], cpts: [], sosSites: [], sources: [] };
  const gpId = state.gp?.state === 'found' ? state.gp.nationalId : undefined;

  // Slot holders: practitioners of the offer, SOS sites, and CPTS (for CPTS slots without a known practitioner).
  const bySite = new Map<string, Slot[]>(offer.sosSites.map((s) => [s.site.id, []]));
  const byPractitioner = new Map<string, Slot[]>(offer.practitioners.map((p) => [p.practitioner.nationalId, []]));
  const byCpts = new Map<string, Slot[]>(offer.cpts.map((c) => [c.cpts.finess, []]));
  for (const slots of state.slotsBySource.values()) {
    for (const slot of slots) {
      const holder =
        (slot.sosSiteId !== undefined ? bySite.get(slot.sosSiteId) : undefined) ??
        (slot.practitionerId !== undefined ? byPractitioner.get(slot.practitionerId) : undefined) ??
        (slot.cptsFiness !== undefined ? byCpts.get(slot.cptsFiness) : undefined);
      // A slot for nobody in the offer (a publisher answering beyond the request) is not shown.
      holder?.push(slot);
    }
  }
  for (const list of [...bySite.values(), ...byPractitioner.values(), ...byCpts.values()])
    list.sort((a, b) => slotStartMs(a) - slotStartMs(b));
  const visible = (slots: readonly Slot[]) => slots.filter((s) => slotMatches(s, filters, today));
  const availableOnly = filters.availableOnly === true;

  const cptsByFiness = new Map(offer.cpts.map((c) => [c.cpts.finess, c.cpts]));
  const cptsByMember = new Map<string, Cpts>();
  for (const { cpts } of offer.cpts)
    for (const id of cpts.memberIds) if (!cptsByMember.has(id)) cptsByMember.set(id, cpts);
  // The practitioner's declared participation wins; else the CPTS that lists them as a member.
  const cptsOf = (p: Practitioner): Cpts | undefined => {
    const viaParticipation =
      p.participation?.mode === 'cpts' && p.participation.structureId !== undefined
        ? cptsByFiness.get(p.participation.structureId)
        : undefined;
    return viaParticipation ?? cptsByMember.get(p.nationalId);
  };

  const mspOf = mspLookup(offer);
  const practitionerCards = offer.practitioners.map((offered): PractitionerCard => {
    const p = offered.practitioner;
    const all = byPractitioner.get(p.nationalId) ?? [];
    const card: PractitionerCard = {
      kind: 'practitioner',
      key: `ps:${p.nationalId}`,
      practitioner: p,
      isGp: offered.isGp || p.nationalId === gpId,
      slots: visible(all),
      totalSlots: all.length,
      acceptsBeyondSlots: p.participation?.acceptsBeyondSlots === true,
    };
    if (offered.distanceKm !== undefined) card.distanceKm = offered.distanceKm;
    const cpts = cptsOf(p);
    if (cpts !== undefined) card.cpts = cpts;
    const msp = mspOf(p);
    if (msp !== undefined) card.msp = msp;
    const phone = cpts?.phone ?? msp?.phone ?? p.phone;
    if (phone !== undefined) card.contactPhone = phone;
    return card;
  });
  const practitionerView = (c: PractitionerCard) => {
    const v: { id: string; distanceKm?: number; pinned: boolean } = { id: c.practitioner.nationalId, pinned: c.isGp };
    if (c.distanceKm !== undefined) v.distanceKm = c.distanceKm;
    return v;
  };

  const firstIntention = orderCards(
    practitionerCards.filter((c) => c.slots.length > 0 || (c.isGp && !availableOnly)),
    rule,
    practitionerView,
  );

  const sosSites = orderCards(
    offer.sosSites
      .map((offered): SosSiteCard => {
        const all = bySite.get(offered.site.id) ?? [];
        const card: SosSiteCard = {
          kind: 'sos',
          key: `sos:${offered.site.id}`,
          site: offered.site,
          slots: visible(all),
          totalSlots: all.length,
        };
        if (offered.distanceKm !== undefined) card.distanceKm = offered.distanceKm;
        return card;
      })
      .filter((c) => !availableOnly || c.slots.length > 0),
    rule,
    (c) => withDistance({ id: c.site.id }, c.distanceKm),
  );

  const patientCommune = state.location?.inseeCode;
  const cptsCards = orderCards(
    offer.cpts
      .map((offered): CptsCard => {
        const all = byCpts.get(offered.cpts.finess) ?? [];
        const members = orderCards(
          practitionerCards.filter((c) => c.cpts?.finess === offered.cpts.finess),
          rule,
          practitionerView,
        );
        const card: CptsCard = {
          kind: 'cpts',
          key: `cpts:${offered.cpts.finess}`,
          cpts: offered.cpts,
          slots: visible(all),
          totalSlots: all.length,
          members,
          otherMembers: (offered.members ?? []).filter(
            (m) => !members.some((c) => c.practitioner.nationalId === m.practitioner.nationalId),
          ),
        };
        if (offered.distanceKm !== undefined) card.distanceKm = offered.distanceKm;
        if (offered.cpts.phone !== undefined) card.contactPhone = offered.cpts.phone;
        return card;
      })
      .filter((c) => !availableOnly || c.slots.length > 0 || c.members.some((m) => m.slots.length > 0)),
    rule,
    (c) => ({ ...withDistance({ id: c.cpts.finess }, c.distanceKm), local: servesCommune(c, patientCommune) }),
  );

  const secondPractitioners = orderCards(
    practitionerCards.filter((c) => c.acceptsBeyondSlots && (!availableOnly || c.slots.length > 0)),
    rule,
    practitionerView,
  );

  const holders: Slot[][] = [...byPractitioner.values(), ...bySite.values(), ...byCpts.values()];
  const ordering = orderingFor(rule.precision);
  const firstIntentionWithSos: (PractitionerCard | SosSiteCard)[] =
    ordering === 'distance'
      ? orderCards<PractitionerCard | SosSiteCard>([...firstIntention, ...sosSites], rule, (c) =>
          c.kind === 'sos' ? withDistance({ id: c.site.id }, c.distanceKm) : practitionerView(c),
        )
      : [...firstIntention, ...sosSites];
  return {
    ordering,
    firstIntention,
    sosSites,
    firstIntentionWithSos,
    secondIntention: { cpts: cptsCards, practitioners: secondPractitioners, structures: structureCards(offer) },
    facets: countFacets(holders, filters, today),
  };
}

/**
 * Whether a CPTS's territory holds the patient's commune: its declared territory when the source gives one, else
 * (no territory known) its seat or one of its members' places in that commune.
 */
function servesCommune(card: CptsCard, insee: string | undefined): boolean {
  if (insee === undefined) return false;
  const { territory, place } = card.cpts;
  if (territory !== undefined && territory.length > 0) return territory.includes(insee);
  if (place?.inseeCode === insee) return true;
  return card.members.some((m) => m.practitioner.places.some((p) => p.inseeCode === insee));
}

function withDistance(view: { id: string }, distanceKm: number | undefined): { id: string; distanceKm?: number } {
  return distanceKm === undefined ? view : { ...view, distanceKm };
}
