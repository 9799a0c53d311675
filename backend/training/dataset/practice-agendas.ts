// How a practice's weekly agenda is drawn: opening sessions and slot durations by kind of practice, working days,
// and the mix of slot types and consultation modes. Participants in the SAS get SNP (and CPTS) slots; the SAS
// agenda is a couple of short reserved sessions a week; SOS Médecins sites are open every day.
import type { SosSite } from '@shared/domain/care-offer';
import type { ConsultationMode, SlotType } from '@shared/domain/slot';
import type { Random } from '@shared/util/random';
import { SAS_AGENDA_ID } from '../../directory/publishers';
import type { SlotPattern } from './slot-patterns';
import type { PracticeProfile } from './specialties';
import { TRAINING_TIME_ZONE, type DepartmentPlan } from './training-plan';

const SESSIONS: Record<PracticeProfile, { start: string; end: string }[][]> = {
  general: [
    [
      { start: '08:30', end: '12:00' },
      { start: '14:00', end: '19:00' },
    ],
    [
      { start: '08:00', end: '12:30' },
      { start: '15:00', end: '19:30' },
    ],
    [{ start: '09:00', end: '13:00' }],
    [{ start: '13:30', end: '20:00' }],
  ],
  specialist: [
    [
      { start: '09:00', end: '12:30' },
      { start: '14:00', end: '18:00' },
    ],
    [{ start: '08:30', end: '12:30' }],
    [{ start: '14:00', end: '18:30' }],
  ],
  psychiatry: [
    [
      { start: '09:00', end: '12:45' },
      { start: '14:00', end: '19:15' },
    ],
    [{ start: '10:00', end: '18:15' }],
  ],
  dental: [
    [
      { start: '08:30', end: '12:30' },
      { start: '14:00', end: '18:30' },
    ],
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

/** A practitioner's agenda as the generator decided it: where it is published and what kind of practice it is. */
export interface AgendaChoice {
  nationalId: string;
  /** A publisher's id, or the SAS agenda. */
  sourceId: string;
  profile: PracticeProfile;
  participating: boolean;
  cptsMember: boolean;
}

export function practitionerPattern(random: Random, agenda: AgendaChoice): SlotPattern {
  const onSasAgenda = agenda.sourceId === SAS_AGENDA_ID;
  return {
    id: `p${agenda.nationalId}`,
    owner: { kind: 'practitioner', nationalId: agenda.nationalId },
    sourceId: agenda.sourceId,
    timeZone: TRAINING_TIME_ZONE,
    // The SAS agenda: "2 heures par semaine", a few short sessions reserved for the regulation.
    weekdays: onSasAgenda
      ? random
          .shuffle([1, 2, 3, 4, 5, 6])
          .slice(0, random.int(2, 3))
          .sort((a, b) => a - b)
      : weekdaysFor(random, agenda.profile),
    sessions: onSasAgenda
      ? [
          random.pick([
            { start: '12:00', end: '14:00' },
            { start: '18:00', end: '20:00' },
            { start: '08:00', end: '10:00' },
          ]),
        ]
      : random.pick(SESSIONS[agenda.profile]),
    durationMinutes: onSasAgenda ? 20 : random.pick(DURATIONS[agenda.profile]),
    freeRatio: onSasAgenda ? 0.6 : Math.round((0.12 + random.next() * 0.28) * 100) / 100,
    typeMix: onSasAgenda ? [{ types: ['SNP'], weight: 1 }] : typeMixFor(agenda.participating, agenda.cptsMember),
    modeMix: onSasAgenda ? [{ modes: ['cabinet'], weight: 1 }] : modeMixFor(random, agenda.profile),
    withAppointment: true,
    seed: random.seed(),
  };
}

export function sosSitePattern(random: Random, site: SosSite, index: number, plan: DepartmentPlan): SlotPattern {
  return {
    id: `s${site.id}`,
    owner: { kind: 'sos-site', siteId: site.id },
    sourceId: 'sos-planning',
    timeZone: TRAINING_TIME_ZONE,
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    sessions: [
      { start: '08:00', end: '12:00' },
      { start: '14:00', end: '23:00' },
    ],
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
  };
}
