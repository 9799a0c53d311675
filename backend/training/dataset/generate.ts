// The training data set generator: a deterministic function of a seed and the shipped geography (commune
// centroids, department outlines). Same seed, same data, byte for byte.
import type { Coding, Cpts, Practitioner, SosSite } from '@shared/domain/care-offer';
import { createRandom } from '@shared/util/random';
import type { CommuneTable } from '../../geo/communes';
import type { DepartmentOutlines } from '../../geo/outlines';
import { SAS_AGENDA_ID, type Publisher } from '../../directory/publishers';
import { CARE_OFFER_FORMAT, CARE_OFFER_VERSION } from '../../directory/schema';
import { generateDepartment, type DatasetDraw } from './department-offer';
import { FAMILY_NAME_COUNT, familyName } from './names';
import { trainingRegulators, type TrainingRegulator } from './regulators';
import type { SlotPattern } from './slot-patterns';
import { DEPARTMENT_PLANS, TRAINING_PUBLISHERS } from './training-plan';

export const DEFAULT_SEED = 20_260_401;
export const SLOT_PATTERNS_FORMAT = 'sas-console/slot-patterns';
export const REGULATORS_FORMAT = 'sas-console/training-regulators';
export const MANIFEST_FORMAT = 'sas-console/training-manifest';

interface CareOfferFile {
  format: typeof CARE_OFFER_FORMAT;
  version: typeof CARE_OFFER_VERSION;
  publishers: Publisher[];
  practitioners: Practitioner[];
  cpts: Cpts[];
  sosSites: SosSite[];
}

interface SlotPatternsFile {
  format: typeof SLOT_PATTERNS_FORMAT;
  version: 1;
  patterns: SlotPattern[];
}

interface RegulatorsFile {
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

export function generateTrainingDataset(geography: DatasetGeography, seed: number = DEFAULT_SEED): TrainingDataset {
  const random = createRandom(seed);
  const practitioners: Practitioner[] = [];
  const cptsList: Cpts[] = [];
  const sosSites: SosSite[] = [];
  const patterns: SlotPattern[] = [];
  const departmentStats: DatasetManifest['departments'] = [];
  const names = random.shuffle(Array.from({ length: FAMILY_NAME_COUNT }, (_, index) => familyName(index)));
  const draw: DatasetDraw = {
    random,
    communes: geography.communes,
    outlines: geography.outlines,
    names,
    serials: { practitioner: 0, structure: 0, phone: 0 },
    patterns,
  };

  for (const plan of DEPARTMENT_PLANS) {
    const { practitioners: local, cpts: localCpts, sosSites: localSos } = generateDepartment(plan, draw);
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
      publishers: TRAINING_PUBLISHERS.map((publisher) => ({
        ...publisher,
        bookingOrigins: [...publisher.bookingOrigins],
      })),
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
