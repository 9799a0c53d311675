// The specialties of the training data set, their share of practitioners, and how their agendas look.
// Codes and labels come from the shared TRE_R38 / TRE_G15 table (shared/domain/specialties.ts).
import type { Coding } from '@shared/domain/care-offer';
import { specialtyCoding } from '@shared/domain/specialties';

/** Agenda habits of a kind of practice, used to draw slot patterns. */
export type PracticeProfile = 'general' | 'specialist' | 'psychiatry' | 'dental';

export interface DatasetSpecialty {
  coding: Coding;
  /** Share of the practitioners (the shares sum to 1; general medicine is the majority). */
  share: number;
  profile: PracticeProfile;
}

const DATASET_SPECIALTIES: readonly DatasetSpecialty[] = [
  { coding: specialtyCoding('TRE_R38', 'SM54'), share: 0.56, profile: 'general' },
  { coding: specialtyCoding('TRE_R38', 'SM40'), share: 0.07, profile: 'specialist' },
  { coding: specialtyCoding('TRE_R38', 'SM19'), share: 0.03, profile: 'specialist' },
  { coding: specialtyCoding('TRE_R38', 'SM20'), share: 0.03, profile: 'specialist' },
  { coding: specialtyCoding('TRE_R38', 'SM38'), share: 0.05, profile: 'specialist' },
  { coding: specialtyCoding('TRE_R38', 'SM15'), share: 0.04, profile: 'specialist' },
  { coding: specialtyCoding('TRE_R38', 'SM42'), share: 0.05, profile: 'psychiatry' },
  { coding: specialtyCoding('TRE_R38', 'SM04'), share: 0.04, profile: 'specialist' },
  { coding: specialtyCoding('TRE_G15', '40'), share: 0.13, profile: 'dental' },
];

/** How many practitioners of each specialty among `total`; rounding leftovers go to general medicine. */
export function allocateSpecialties(total: number): DatasetSpecialty[] {
  const [general, ...others] = DATASET_SPECIALTIES;
  if (!general) return [];
  const list: DatasetSpecialty[] = [];
  for (const specialty of others) {
    for (let i = 0; i < Math.round(specialty.share * total); i += 1) list.push(specialty);
  }
  while (list.length < total) list.push(general);
  return list.slice(0, total);
}
