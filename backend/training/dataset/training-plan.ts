// What the training data set is made of: the two departments it covers (one dense, one rural, so regulators train
// on both kinds of search) and the fictitious publishers that carry the agendas. Data, read by the generator.
import { trainingPlaceholder, type Publisher } from '../../directory/publishers';

/** Time zone of every training agenda (both departments are in metropolitan France). */
export const TRAINING_TIME_ZONE = 'Europe/Paris';

export interface DepartmentPlan {
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
