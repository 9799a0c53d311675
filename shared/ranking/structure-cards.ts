// MSP and centres de santé around the patient, as second-intention cards: they publish no slots, but « l'OSNP a la
// possibilité d'appeler une de ces structures ». And the MSP a practitioner participates through, whose number is
// the one to call for a patient beyond that practitioner's slots.
import type { HealthStructure, Practitioner } from '../domain/care-offer';
import type { CareOffer } from '../domain/search';
import type { Slot } from '../domain/slot';

export interface StructureCard {
  kind: 'structure';
  /** `structure:<FINESS>` */
  key: string;
  structure: HealthStructure;
  distanceKm?: number;
  contactPhone?: string;
  /** Always empty (structures publish no slots): the list and the map treat every card alike. */
  slots: Slot[];
  totalSlots: number;
}

/** Nearest first; those without a distance last. */
export function structureCards(offer: CareOffer): StructureCard[] {
  return (offer.structures ?? [])
    .map((offered): StructureCard => {
      const card: StructureCard = {
        kind: 'structure',
        key: `structure:${offered.structure.finess}`,
        structure: offered.structure,
        slots: [],
        totalSlots: 0,
      };
      if (offered.distanceKm !== undefined) card.distanceKm = offered.distanceKm;
      if (offered.structure.phone !== undefined) card.contactPhone = offered.structure.phone;
      return card;
    })
    .sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity));
}

/** The MSP a practitioner participates through, when the offer lists it. */
export function mspLookup(offer: CareOffer): (practitioner: Practitioner) => HealthStructure | undefined {
  const byFiness = new Map(
    (offer.structures ?? []).filter((s) => s.structure.kind === 'msp').map((s) => [s.structure.finess, s.structure]),
  );
  return (practitioner) =>
    practitioner.participation?.mode === 'msp' && practitioner.participation.structureId !== undefined
      ? byFiness.get(practitioner.participation.structureId)
      : undefined;
}
