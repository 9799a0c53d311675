// What a training publisher answers to a slot search: the free slots of its practitioners (or SOS sites) in the
// window, generated from the data set's slot patterns, as a searchset Bundle in the IG's shape. Each slot's
// `comment` is the practitioner's agenda at the publisher with the slot pre-selected (the IG's FAQ form); CPTS slots
// only within the next 48 hours and only when the request asks for CPTS; structures carry their IDNST.
import type { Cpts, Practitioner, SosSite } from '@shared/domain/care-offer';
import type { Slot } from '@shared/domain/slot';
import { buildSearchsetBundle } from '@shared/fhir/build-bundle';
import { formatInstant } from '@shared/fhir/instant';
import { offsetMinutes } from '@shared/util/time-zone';
import type { Directory } from '../../directory/directory';
import { bookingUrlFor } from './booking/paths';
import { slotsForWindow, type GeneratedSlot, type SlotPattern } from '../dataset/slot-patterns';
import { completeIgAnswer, withStructureIds } from './ig-answer';
import type { SlotQuery } from './slot-query';

function kitInstant(instant: string): string {
  const ms = Date.parse(instant);
  return formatInstant(ms, offsetMinutes(ms));
}

export interface TrainingCatalogue {
  /** Free slots of one practitioner or site in the window (booked slots excluded). */
  slotsOf(ownerId: string, from: Date, to: Date): Slot[];
  findSlot(slotId: string): { slot: Slot; practitioner?: Practitioner; site?: SosSite } | undefined;
  /** Tells the catalogue which slots the publisher's booking pages have booked: they disappear from searches. */
  setTakenCheck(isTaken: (slotId: string) => boolean): void;
  now(): Date;
}

export interface TrainingCatalogueOptions {
  publisherId: string;
  /** Origin of the publisher's booking pages. */
  bookingOrigin: string;
  directory: Directory;
  patterns: readonly SlotPattern[];
  now: () => Date;
}

const BOOKING_WINDOW_DAYS = 3;
const SOS_SPECIALTY = {
  system: 'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale',
  code: 'SM54',
  display: 'Médecine générale',
};

export function createTrainingCatalogue(options: TrainingCatalogueOptions): TrainingCatalogue {
  const byOwner = new Map<string, SlotPattern[]>();
  for (const pattern of options.patterns) {
    if (pattern.sourceId !== options.publisherId) continue;
    const owner = pattern.owner.kind === 'practitioner' ? pattern.owner.nationalId : pattern.owner.siteId;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), pattern]);
  }
  let isTaken: (slotId: string) => boolean = () => false;

  function toSlot(ownerId: string, generated: GeneratedSlot): Slot {
    const practitioner = options.directory.getPractitioner(ownerId);
    const site = practitioner ? undefined : options.directory.getSosSite(ownerId);
    const cptsFiness =
      generated.types.includes('CPTS') && practitioner?.participation?.mode === 'cpts'
        ? practitioner.participation.structureId
        : undefined;
    return {
      id: generated.id,
      // The kit's format: milliseconds and the Paris offset in force at that instant.
      start: kitInstant(generated.start),
      end: kitInstant(generated.end),
      types: generated.types,
      modes: generated.modes,
      withAppointment: generated.withAppointment,
      bookingUrl: bookingUrlFor(options.bookingOrigin, generated.id, ownerId),
      sourceId: options.publisherId,
      // SOS Médecins sites: general practice, the motive the profile expects on every slot.
      specialties: practitioner?.specialties ?? (site ? [SOS_SPECIALTY] : []),
      ...(practitioner ? { practitionerId: practitioner.nationalId } : {}),
      ...(practitioner?.places[0] ? { place: practitioner.places[0] } : site ? { place: site.place } : {}),
      ...(cptsFiness ? { cptsFiness } : {}),
      ...(site ? { sosSiteId: site.id } : {}),
    };
  }

  function slotsOf(ownerId: string, from: Date, to: Date): Slot[] {
    return (byOwner.get(ownerId) ?? [])
      .flatMap((pattern) => slotsForWindow(pattern, from, to))
      .filter((generated) => !isTaken(generated.id))
      .map((generated) => toSlot(ownerId, generated));
  }

  return {
    slotsOf,
    findSlot(slotId) {
      const owner = [...byOwner.entries()].find(([, patterns]) => patterns.some((p) => slotId.startsWith(`${p.id}-`)));
      if (!owner) return undefined;
      const from = options.now();
      const to = new Date(from.getTime() + BOOKING_WINDOW_DAYS * 24 * 3600 * 1000);
      const slot = slotsOf(owner[0], from, to).find((s) => s.id === slotId);
      if (!slot) return undefined;
      const practitioner = options.directory.getPractitioner(owner[0]);
      const site = options.directory.getSosSite(owner[0]);
      return { slot, ...(practitioner ? { practitioner } : {}), ...(site ? { site } : {}) };
    },
    setTakenCheck(check) {
      isTaken = check;
    },
    now: options.now,
  };
}

/** CPTS slots are offered for the next 48 hours only (the platform's rule for CPTS agendas). */
const CPTS_HORIZON_MS = 48 * 3600 * 1000;
/** The include that makes a slot search a CPTS search (SAS-Consommateur-CPTS). */
const CPTS_INCLUDE = 'Slot:service-type-reference';

/** The searchset Bundle for one slot search (PS / CPTS) or SOS schedule search. */
export function answerSlotQuery(
  query: SlotQuery,
  catalogue: TrainingCatalogue,
  directory: Directory,
  baseUrl: string,
  selfUrl: string,
) {
  // Slots already started are no longer free: never offered, whatever window is asked.
  const now = catalogue.now();
  const from = query.start && query.start > now ? query.start : now;
  const to = query.end ?? new Date(from.getTime() + 3 * 24 * 3600 * 1000);
  const cptsAsked = query.includes.includes(CPTS_INCLUDE);
  const cptsUntil = now.getTime() + CPTS_HORIZON_MS;
  const slots = query.ids
    .flatMap((id) => catalogue.slotsOf(id, from, to))
    .filter((slot) => !slot.types.includes('CPTS') || (cptsAsked && Date.parse(slot.start) < cptsUntil));
  const practitioners = new Map<string, Practitioner>();
  const cpts = new Map<string, Cpts>();
  const sosSites = new Map<string, SosSite>();
  for (const slot of slots) {
    const practitioner = slot.practitionerId ? directory.getPractitioner(slot.practitionerId) : undefined;
    if (practitioner) practitioners.set(practitioner.nationalId, practitioner);
    const structure = slot.cptsFiness ? directory.getCpts(slot.cptsFiness) : undefined;
    if (structure) cpts.set(structure.finess, structure);
    const site = slot.sosSiteId ? directory.getSosSite(slot.sosSiteId) : undefined;
    if (site) sosSites.set(site.id, site);
  }
  const input = withStructureIds({
    baseUrl,
    selfUrl: query.url ?? selfUrl,
    slots,
    practitioners: [...practitioners.values()],
    cpts: [...cpts.values()],
    sosSites: [...sosSites.values()],
  });
  return completeIgAnswer(buildSearchsetBundle(input), input);
}
