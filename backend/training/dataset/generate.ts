// The training data set generator: a deterministic function of a seed and the shipped geography (commune
// centroids, department outlines). Same seed, same data, byte for byte.
import type { Coding, Cpts, GeoPoint, Participation, Place, Practitioner, SosSite } from '../../../shared/domain/care-offer';
import type { ConsultationMode, SlotType } from '../../../shared/domain/slot';
import type { Commune, CommuneTable } from '../../geo/communes';
import { distanceKm, kmToLatDegrees, kmToLonDegrees } from '../../geo/distance';
import type { DepartmentOutlines } from '../../geo/outlines';
import { SAS_AGENDA_ID, trainingPlaceholder, type Publisher } from '../../directory/publishers';
import { CARE_OFFER_FORMAT, CARE_OFFER_VERSION } from '../../directory/schema';
import { fictitiousFiness, idnpsOfRpps, practitionerRpps } from './identifiers';
import { FAMILY_NAME_COUNT, GIVEN_NAMES, STREET_COUNTS, familyName, fictitiousPhone, streetLine } from './names';
import { createRandom, type Random } from './random';
import { trainingRegulators, type TrainingRegulator } from './regulators';
import type { SlotPattern } from './slot-patterns';
import { allocateSpecialties, type PracticeProfile } from './specialties';

export const DEFAULT_SEED = 20_260_401;
export const TRAINING_TIME_ZONE = 'Europe/Paris';
export const SLOT_PATTERNS_FORMAT = 'sas-console/slot-patterns';
export const REGULATORS_FORMAT = 'sas-console/training-regulators';
export const MANIFEST_FORMAT = 'sas-console/training-manifest';

interface DepartmentPlan {
  code: string;
  kind: 'urbain' | 'rural';
  practitioners: number;
  /** CPTS territories, by commune name; members are practitioners within `cptsReachKm` of it. */
  cpts: string[];
  cptsReachKm: number;
  msp: string[];
  sos: { association: string; sites: string[] };
}

/** Gironde around Bordeaux (dense) and Lot-et-Garonne around Agen (rural, where the seeds' example lives). */
export const DEPARTMENT_PLANS: readonly DepartmentPlan[] = [
  {
    code: '33',
    kind: 'urbain',
    practitioners: 400,
    cpts: ['Bordeaux', 'Mérignac', 'Pessac', 'Talence', 'Floirac', 'Libourne', 'Arcachon', 'Blaye'],
    cptsReachKm: 8,
    msp: ['Bègles', 'Cenon', 'Langon'],
    sos: { association: 'SOS Médecins Bordeaux (formation)', sites: ['Bordeaux', 'Mérignac'] },
  },
  {
    code: '47',
    kind: 'rural',
    practitioners: 240,
    cpts: ['Agen', 'Villeneuve-sur-Lot', 'Marmande', 'Nérac', 'Fumel'],
    cptsReachKm: 22,
    msp: ['Tonneins', 'Casteljaloux'],
    sos: { association: 'SOS Médecins Agen (formation)', sites: ['Agen'] },
  },
];

/** Ten fictitious booking publishers: seven for practitioners, two that also carry CPTS slots, one for SOS. */
export const TRAINING_PUBLISHERS: readonly Publisher[] = (
  [
    ['agendaplume', 'AgendaPlume', 'ps', true],
    ['rdv-hirondelle', 'RDV Hirondelle', 'ps', true],
    ['medicalendrier', 'MédiCalendrier', 'ps', true],
    ['cabinet-lumiere', 'Cabinet Lumière', 'ps', false],
    ['docorbite', 'DocOrbite', 'ps', true],
    ['prisme-agenda', 'Prisme Agenda', 'ps', true],
    ['agenda-tournesol', 'Agenda Tournesol', 'ps', true],
    ['agenda-colibri', 'Agenda Colibri', 'cpts', true],
    ['territoire-rdv', 'Territoire RDV', 'cpts', true],
    ['sos-planning', 'SOS Planning', 'sos', true],
  ] as const
).map(([id, name, kind, acceptsV1Accounts]) => ({
  id,
  name,
  kind,
  fhirBaseUrl: trainingPlaceholder(id),
  bookingOrigins: [trainingPlaceholder(id)],
  acceptsV1Accounts,
}));

export interface CareOfferFile {
  format: typeof CARE_OFFER_FORMAT;
  version: typeof CARE_OFFER_VERSION;
  publishers: Publisher[];
  practitioners: Practitioner[];
  cpts: Cpts[];
  sosSites: SosSite[];
}

export interface SlotPatternsFile {
  format: typeof SLOT_PATTERNS_FORMAT;
  version: 1;
  patterns: SlotPattern[];
}

export interface RegulatorsFile {
  format: typeof REGULATORS_FORMAT;
  version: 1;
  regulators: TrainingRegulator[];
}

export interface DatasetManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  seed: number;
  departments: { code: string; kind: string; practitioners: number; cpts: number; sosSites: number }[];
  counts: {
    publishers: number;
    practitioners: number;
    specialties: Record<string, number>;
    cpts: number;
    cptsMembers: number;
    sosSites: number;
    slotPatterns: number;
    sasAgendaOnly: number;
    acceptingBeyondSlots: number;
    withoutSlots: number;
    regulators: number;
  };
}

export interface TrainingDataset {
  careOffer: CareOfferFile;
  slotPatterns: SlotPatternsFile;
  regulators: RegulatorsFile;
  manifest: DatasetManifest;
}

export interface DatasetGeography {
  communes: CommuneTable;
  outlines: DepartmentOutlines;
}

const round5 = (value: number) => Math.round(value * 100_000) / 100_000;

/** A commune of the plan, by name; a wrong plan is a programming error. */
function communeNamed(communes: CommuneTable, name: string, department: string): Commune {
  const commune = communes.byName(name, department)[0];
  if (!commune) throw new Error(`commune « ${name} » absente du département ${department}`);
  return commune;
}

/** Radius of the disc a practice is drawn in around its commune's centroid: larger for larger towns. */
const jitterKm = (commune: Commune) => Math.min(2.5, 0.4 + Math.sqrt(commune.population) / 300);

/** A point near the commune's centroid, inside the department's outline; undefined if none was found. */
function pointNear(random: Random, commune: Commune, outlines: DepartmentOutlines): GeoPoint | undefined {
  const reach = jitterKm(commune);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const angle = random.next() * 2 * Math.PI;
    const distance = Math.sqrt(random.next()) * reach;
    const point = {
      lat: round5(commune.point.lat + Math.sin(angle) * kmToLatDegrees(distance)),
      lon: round5(commune.point.lon + Math.cos(angle) * kmToLonDegrees(distance, commune.point.lat)),
    };
    if (outlines.contains(commune.department, point)) return point;
  }
  return undefined;
}

function placeIn(random: Random, commune: Commune, point: GeoPoint): Place {
  return {
    line: streetLine(random.int(1, 120), random.int(0, STREET_COUNTS.types - 1), random.int(0, STREET_COUNTS.names - 1)),
    ...(commune.postcodes[0] ? { postalCode: commune.postcodes[0] } : {}),
    city: commune.name,
    inseeCode: commune.insee,
    point,
  };
}

/** Draws communes in proportion to their population. */
function populationSampler(communes: readonly Commune[]) {
  const cumulative: number[] = [];
  let total = 0;
  for (const commune of communes) {
    total += Math.max(commune.population, 1);
    cumulative.push(total);
  }
  return (random: Random): Commune => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? 0) <= target) low = middle + 1;
      else high = middle;
    }
    return communes[low] as Commune;
  };
}

const SESSIONS: Record<PracticeProfile, { start: string; end: string }[][]> = {
  general: [
    [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '19:00' }],
    [{ start: '08:00', end: '12:30' }, { start: '15:00', end: '19:30' }],
    [{ start: '09:00', end: '13:00' }],
    [{ start: '13:30', end: '20:00' }],
  ],
  specialist: [
    [{ start: '09:00', end: '12:30' }, { start: '14:00', end: '18:00' }],
    [{ start: '08:30', end: '12:30' }],
    [{ start: '14:00', end: '18:30' }],
  ],
  psychiatry: [
    [{ start: '09:00', end: '12:45' }, { start: '14:00', end: '19:15' }],
    [{ start: '10:00', end: '18:15' }],
  ],
  dental: [
    [{ start: '08:30', end: '12:30' }, { start: '14:00', end: '18:30' }],
    [{ start: '09:00', end: '17:00' }],
  ],
};

const DURATIONS: Record<PracticeProfile, number[]> = {
  general: [15, 20],
  specialist: [20, 30],
  psychiatry: [45],
  dental: [30],
};

function weekdaysFor(random: Random, profile: PracticeProfile): number[] {
  if (profile === 'general') return random.chance(0.4) ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
  const days = random.shuffle([1, 2, 3, 4, 5]).slice(0, random.int(3, 4));
  if (random.chance(0.15)) days.push(6);
  return days.sort((a, b) => a - b);
}

function typeMixFor(participating: boolean, cptsMember: boolean): SlotPattern['typeMix'] {
  if (!participating) {
    return [
      { types: ['PUBLIC'], weight: 80 },
      { types: ['PRO'], weight: 20 },
    ];
  }
  const mix: { types: SlotType[]; weight: number }[] = [
    { types: ['PUBLIC'], weight: 50 },
    { types: ['SNP'], weight: 25 },
    { types: ['PUBLIC', 'SNP'], weight: 10 },
    { types: ['PRO'], weight: 5 },
  ];
  if (cptsMember) mix.push({ types: ['CPTS'], weight: 15 }, { types: ['SNP', 'CPTS'], weight: 5 });
  return mix;
}

function modeMixFor(random: Random, profile: PracticeProfile): SlotPattern['modeMix'] {
  const mix: { modes: ConsultationMode[]; weight: number }[] = [{ modes: ['cabinet'], weight: 70 }];
  if (profile === 'general' || profile === 'psychiatry' || (profile === 'specialist' && random.chance(0.3))) {
    mix.push({ modes: ['cabinet', 'teleconsultation'], weight: 15 }, { modes: ['teleconsultation'], weight: 8 });
  }
  if (profile === 'general' && random.chance(0.4)) mix.push({ modes: ['domicile'], weight: 7 });
  return mix;
}

const byNationalId = (a: Practitioner, b: Practitioner) => a.nationalId.localeCompare(b.nationalId);

export function generateTrainingDataset(geography: DatasetGeography, seed: number = DEFAULT_SEED): TrainingDataset {
  const random = createRandom(seed);
  const { communes, outlines } = geography;
  const practitioners: Practitioner[] = [];
  const cptsList: Cpts[] = [];
  const sosSites: SosSite[] = [];
  const patterns: SlotPattern[] = [];
  const profiles = new Map<string, PracticeProfile>();
  const departmentStats: DatasetManifest['departments'] = [];
  let serial = 0;
  let structureSerial = 0;
  let phoneSerial = 0;
  const names = random.shuffle(Array.from({ length: FAMILY_NAME_COUNT }, (_, index) => familyName(index)));

  for (const plan of DEPARTMENT_PLANS) {
    const located = communes
      .inDepartment(plan.code)
      .filter((commune) => outlines.contains(plan.code, commune.point))
      .sort((a, b) => a.insee.localeCompare(b.insee));
    const sample = populationSampler(located);

    // Practitioners.
    const local: Practitioner[] = [];
    for (const specialty of random.shuffle(allocateSpecialties(plan.practitioners))) {
      let commune = sample(random);
      let point = pointNear(random, commune, outlines);
      while (!point) {
        commune = sample(random);
        point = pointNear(random, commune, outlines);
      }
      serial += 1;
      const practitioner: Practitioner = {
        nationalId: idnpsOfRpps(practitionerRpps(serial)),
        familyName: names[(serial - 1) % names.length] ?? 'Plumevert',
        givenName: random.pick(GIVEN_NAMES),
        prefix: 'Dr',
        specialties: [specialty.coding],
        places: [placeIn(random, commune, point)],
        phone: fictitiousPhone((phoneSerial += 1)),
      };
      profiles.set(practitioner.nationalId, specialty.profile);
      local.push(practitioner);
    }

    // CPTS: a territory around a town, its members among the practitioners nearest to it.
    const localCpts: Cpts[] = plan.cpts.map((name) => {
      const commune = communeNamed(communes, name, plan.code);
      structureSerial += 1;
      return {
        finess: fictitiousFiness(plan.code, structureSerial),
        name: `CPTS ${commune.name} (fictive)`,
        phone: fictitiousPhone((phoneSerial += 1)),
        description:
          `Communauté professionnelle territoriale de santé fictive du secteur de ${commune.name}, ` +
          `pour la formation. Coordination joignable en semaine de 8 h à 20 h.`,
        place: placeIn(random, commune, commune.point),
        memberIds: [],
      };
    });
    const msps = plan.msp.map((name) => {
      const commune = communeNamed(communes, name, plan.code);
      structureSerial += 1;
      return { id: fictitiousFiness(plan.code, structureSerial), name: `MSP de ${commune.name} (fictive)`, commune };
    });

    for (const practitioner of local) {
      const point = practitioner.places[0]?.point as GeoPoint;
      const nearestCpts = localCpts
        .map((cpts) => ({ cpts, distance: distanceKm(point, cpts.place?.point as GeoPoint) }))
        .sort((a, b) => a.distance - b.distance)[0];
      const nearestMsp = msps
        .map((msp) => ({ msp, distance: distanceKm(point, msp.commune.point) }))
        .sort((a, b) => a.distance - b.distance)[0];
      const draw = random.next();
      let participation: Participation | undefined;
      if (nearestCpts && nearestCpts.distance <= plan.cptsReachKm && draw < 0.45) {
        participation = {
          mode: 'cpts',
          structureId: nearestCpts.cpts.finess,
          structureName: nearestCpts.cpts.name,
          acceptsBeyondSlots: random.chance(0.6),
        };
        nearestCpts.cpts.memberIds.push(practitioner.nationalId);
      } else if (nearestMsp && nearestMsp.distance <= 10 && draw < 0.6) {
        participation = {
          mode: 'msp',
          structureId: nearestMsp.msp.id,
          structureName: nearestMsp.msp.name,
          acceptsBeyondSlots: random.chance(0.5),
        };
      } else if (draw < 0.82) {
        participation = { mode: 'individual', acceptsBeyondSlots: random.chance(0.45) };
      }
      if (participation) practitioner.participation = participation;
    }
    // Every CPTS has members: a territory that recruited nobody takes its nearest non-members.
    for (const cpts of localCpts) {
      if (cpts.memberIds.length >= 3) continue;
      const candidates = local
        .filter((practitioner) => practitioner.participation?.mode !== 'cpts')
        .map((practitioner) => ({
          practitioner,
          distance: distanceKm(practitioner.places[0]?.point as GeoPoint, cpts.place?.point as GeoPoint),
        }))
        .sort((a, b) => a.distance - b.distance || byNationalId(a.practitioner, b.practitioner))
        .slice(0, 3 - cpts.memberIds.length);
      for (const { practitioner } of candidates) {
        practitioner.participation = {
          mode: 'cpts',
          structureId: cpts.finess,
          structureName: cpts.name,
          acceptsBeyondSlots: true,
        };
        cpts.memberIds.push(practitioner.nationalId);
      }
    }
    for (const cpts of localCpts) cpts.memberIds.sort();

    // Agendas: an interfaced publisher, the SAS agenda only, or nothing at all.
    const psPublishers = TRAINING_PUBLISHERS.filter((publisher) => publisher.kind === 'ps');
    const cptsPublishers = TRAINING_PUBLISHERS.filter((publisher) => publisher.kind === 'cpts');
    for (const practitioner of local) {
      const participating = practitioner.participation !== undefined;
      const cptsMember = practitioner.participation?.mode === 'cpts';
      const draw = random.next();
      if (participating && draw < 0.12) practitioner.agendaSource = SAS_AGENDA_ID;
      else if (draw < 0.85) {
        const publisher = cptsMember && random.chance(0.6) ? random.pick(cptsPublishers) : random.pick(psPublishers);
        practitioner.agendaSource = publisher.id;
      }
      // Some agendas have no free slot at all ("aucun créneau"): a card without slots, second intention only.
      if (!practitioner.agendaSource || random.chance(0.12)) continue;
      const profile = profiles.get(practitioner.nationalId) ?? 'general';
      const onSasAgenda = practitioner.agendaSource === SAS_AGENDA_ID;
      patterns.push({
        id: `p${practitioner.nationalId}`,
        owner: { kind: 'practitioner', nationalId: practitioner.nationalId },
        sourceId: practitioner.agendaSource,
        timeZone: TRAINING_TIME_ZONE,
        // The SAS agenda: "2 heures par semaine", a few short sessions reserved for the regulation.
        weekdays: onSasAgenda
          ? random
              .shuffle([1, 2, 3, 4, 5, 6])
              .slice(0, random.int(2, 3))
              .sort((a, b) => a - b)
          : weekdaysFor(random, profile),
        sessions: onSasAgenda
          ? [random.pick([{ start: '12:00', end: '14:00' }, { start: '18:00', end: '20:00' }, { start: '08:00', end: '10:00' }])]
          : random.pick(SESSIONS[profile]),
        durationMinutes: onSasAgenda ? 20 : random.pick(DURATIONS[profile]),
        freeRatio: onSasAgenda ? 0.6 : Math.round((0.12 + random.next() * 0.28) * 100) / 100,
        typeMix: onSasAgenda ? [{ types: ['SNP'], weight: 1 }] : typeMixFor(participating, cptsMember),
        modeMix: onSasAgenda ? [{ modes: ['cabinet'], weight: 1 }] : modeMixFor(random, profile),
        withAppointment: true,
        seed: random.seed(),
      });
    }

    // SOS Médecins consultation sites, open every day, on the SOS publisher.
    const localSos: SosSite[] = plan.sos.sites.map((name, index) => {
      const commune = communeNamed(communes, name, plan.code);
      structureSerial += 1;
      const point = pointNear(random, commune, outlines) ?? commune.point;
      const site: SosSite = {
        id: `1${fictitiousFiness(plan.code, structureSerial)}`,
        associationName: plan.sos.association,
        name: `Centre de consultations ${commune.name}${plan.sos.sites.length > 1 ? ` ${index + 1}` : ''} (formation)`,
        phone: fictitiousPhone((phoneSerial += 1)),
        place: placeIn(random, commune, point),
        agendaSource: 'sos-planning',
      };
      patterns.push({
        id: `s${site.id}`,
        owner: { kind: 'sos-site', siteId: site.id },
        sourceId: 'sos-planning',
        timeZone: TRAINING_TIME_ZONE,
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        sessions: [{ start: '08:00', end: '12:00' }, { start: '14:00', end: '23:00' }],
        durationMinutes: 15,
        freeRatio: 0.35,
        typeMix: [
          { types: ['SNP'], weight: 40 },
          { types: ['PUBLIC', 'SNP'], weight: 40 },
          { types: ['PUBLIC'], weight: 20 },
        ],
        modeMix: [
          { modes: ['cabinet'], weight: 85 },
          { modes: ['domicile'], weight: 15 },
        ],
        // The first site of each association takes walk-ins: slots "sans rendez-vous".
        withAppointment: index > 0 || plan.kind === 'rural',
        seed: random.seed(),
      });
      return site;
    });

    practitioners.push(...local);
    cptsList.push(...localCpts);
    sosSites.push(...localSos);
    departmentStats.push({
      code: plan.code,
      kind: plan.kind,
      practitioners: local.length,
      cpts: localCpts.length,
      sosSites: localSos.length,
    });
  }

  const withPattern = new Set(
    patterns.flatMap((pattern) => (pattern.owner.kind === 'practitioner' ? [pattern.owner.nationalId] : [])),
  );
  const specialtyCounts: Record<string, number> = {};
  for (const practitioner of practitioners) {
    const code = (practitioner.specialties[0] as Coding).code;
    specialtyCounts[code] = (specialtyCounts[code] ?? 0) + 1;
  }
  const regulators = trainingRegulators();

  return {
    careOffer: {
      format: CARE_OFFER_FORMAT,
      version: CARE_OFFER_VERSION,
      publishers: TRAINING_PUBLISHERS.map((publisher) => ({ ...publisher, bookingOrigins: [...publisher.bookingOrigins] })),
      practitioners,
      cpts: cptsList,
      sosSites,
    },
    slotPatterns: { format: SLOT_PATTERNS_FORMAT, version: 1, patterns },
    regulators: { format: REGULATORS_FORMAT, version: 1, regulators },
    manifest: {
      format: MANIFEST_FORMAT,
      version: 1,
      seed,
      departments: departmentStats,
      counts: {
        publishers: TRAINING_PUBLISHERS.length,
        practitioners: practitioners.length,
        specialties: Object.fromEntries(Object.entries(specialtyCounts).sort(([a], [b]) => a.localeCompare(b))),
        cpts: cptsList.length,
        cptsMembers: cptsList.reduce((sum, cpts) => sum + cpts.memberIds.length, 0),
        sosSites: sosSites.length,
        slotPatterns: patterns.length,
        sasAgendaOnly: practitioners.filter((practitioner) => practitioner.agendaSource === SAS_AGENDA_ID).length,
        acceptingBeyondSlots: practitioners.filter((practitioner) => practitioner.participation?.acceptsBeyondSlots)
          .length,
        withoutSlots: practitioners.filter((practitioner) => !withPattern.has(practitioner.nationalId)).length,
        regulators: regulators.length,
      },
    },
  };
}
