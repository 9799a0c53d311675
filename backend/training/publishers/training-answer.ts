// What a training publisher answers to a slot search: the free slots of its practitioners (or SOS sites) in the
// window, generated from the data set's slot patterns, as a searchset Bundle in the IG's shape. Each slot's
// `comment` is the publisher's booking page for it.
import type { Cpts, Practitioner, SosSite } from '@shared/domain/care-offer';
import type { Slot } from '@shared/domain/slot';
import { buildSearchsetBundle } from '@shared/fhir/build-bundle';
import type { Directory } from '../../directory/directory';
import { slotsForWindow, type GeneratedSlot, type SlotPattern } from '../dataset/slot-patterns';
import type { SlotQuery } from './slot-query';

export interface TrainingCatalogue {
  /** Free slots of one practitioner or site in the window (booked slots excluded). */
  slotsOf(ownerId: string, from: Date, to: Date): Slot[];
  findSlot(slotId: string): { slot: Slot; practitioner?: Practitioner; site?: SosSite } | undefined;
  /** Tells the catalogue which slots the publisher's booking pages have booked: they disappear from searches. */
  setTakenCheck(isTaken: (slotId: string) => boolean): void;
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
      start: generated.start,
      end: generated.end,
      types: generated.types,
      modes: generated.modes,
      withAppointment: generated.withAppointment,
      bookingUrl: `${options.bookingOrigin}/rdv/${encodeURIComponent(generated.id)}`,
      sourceId: options.publisherId,
      specialties: practitioner?.specialties ?? [],
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
  };
}

/** The searchset Bundle for one slot search (PS / CPTS) or SOS schedule search. */
export function answerSlotQuery(
  query: SlotQuery,
  catalogue: TrainingCatalogue,
  directory: Directory,
  baseUrl: string,
  selfUrl: string,
) {
  const from = query.start ?? new Date();
  const to = query.end ?? new Date(from.getTime() + 3 * 24 * 3600 * 1000);
  const slots = query.ids.flatMap((id) => catalogue.slotsOf(id, from, to));
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
  return buildSearchsetBundle({
    baseUrl,
    selfUrl,
    slots,
    practitioners: [...practitioners.values()],
    cpts: [...cpts.values()],
    sosSites: [...sosSites.values()],
  });
}
