// A synthetic care offer around Agen for the renderer's scripted-console tests and benchmarks: exact, repeatable
// data (a seeded generator), fictitious names, the same card shape everywhere.
import type { Cpts, GeoPoint, Practitioner } from '../../shared/domain/care-offer';
import type { SourceInfo } from '../../shared/domain/search';
import { createRandom } from '@shared/util/random';

export const R38 = 'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale';
export const AGEN: GeoPoint = { lat: 44.2033, lon: 0.6163 };

const FAMILY = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
];
const GIVEN = ['Jeanne', 'Paul', 'Claire', 'Louis', 'Sophie', 'Marc', 'Anne', 'Hugo', 'Léa', 'Yves'];

/** Three simulated publishers and the SAS agenda. */
export const SYNTHETIC_SOURCES: readonly SourceInfo[] = [
  { id: 'editeur-a', name: 'Agenda Alpha (simulé)', kind: 'publisher' },
  { id: 'editeur-b', name: 'RDV Bêta (simulé)', kind: 'publisher' },
  { id: 'editeur-c', name: 'Kappa Santé (simulé)', kind: 'publisher' },
  { id: 'sas-agenda', name: 'Agenda SAS', kind: 'sas-agenda' },
];

/** A deterministic sequence in [0, 1): the same data on every run. */
export function seededRandom(seed: number): () => number {
  return createRandom(seed).next;
}

/**
 * The `index`-th general practitioner of Agen at `point`: individual (accepting patients beyond slots one time in
 * three) or via `viaCpts`, whose member list it joins.
 */
export function agenPractitioner(
  index: number,
  nationalId: string,
  point: GeoPoint,
  agendaSource: string,
  viaCpts?: Cpts,
): Practitioner {
  if (viaCpts) viaCpts.memberIds.push(nationalId);
  return {
    nationalId,
    familyName: FAMILY[index % FAMILY.length] ?? 'Martin',
    givenName: GIVEN[(index * 7) % GIVEN.length] ?? 'Anne',
    prefix: 'Dr',
    specialties: [{ system: R38, code: 'SM54', display: 'Médecine générale' }],
    places: [{ line: `${1 + (index % 90)} rue de la République`, postalCode: '47000', city: 'Agen', point }],
    phone: `+3355366${String(1000 + (index % 9000)).slice(-4)}`,
    participation: viaCpts
      ? { mode: 'cpts', structureId: viaCpts.finess, structureName: viaCpts.name, acceptsBeyondSlots: true }
      : { mode: 'individual', acceptsBeyondSlots: index % 3 === 0 },
    agendaSource,
  };
}
