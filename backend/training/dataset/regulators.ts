// Training regulator identities, for the training Pro Santé Connect and the RDV V1 account push. Fictitious.
import { z } from 'zod';
import { fictitiousFiness, idnpsOfRpps, regulatorRpps } from './identifiers';

export const trainingRegulatorSchema = z.object({
  /** IDNPS: `8`+RPPS, or `3`+FINESS+`/`+local id for a regulator without RPPS. */
  nationalId: z.string().min(1),
  /** Short login for the training identity provider's form. */
  login: z.string().regex(/^[a-z0-9.-]{2,40}$/),
  familyName: z.string().min(1),
  givenName: z.string().min(1),
  email: z.email(),
  /** `osnp` (opérateur de soins non programmés) or `regulateur` (médecin régulateur). */
  role: z.enum(['osnp', 'regulateur']),
  /** RDV V1 `active`: false = access withdrawn, publishers must refuse bookings by this account. */
  active: z.boolean(),
  /** French, for trainers: what this identity is for. */
  note: z.string(),
});
export type TrainingRegulator = z.infer<typeof trainingRegulatorSchema>;

/** The SAMU the non-RPPS regulator belongs to (fictitious FINESS, department 47). */
const TRAINING_SAMU_FINESS = fictitiousFiness('47', 9000);

export function trainingRegulators(): TrainingRegulator[] {
  return [
    {
      nationalId: idnpsOfRpps(regulatorRpps(1)),
      login: 'alice',
      familyName: 'Plumevert',
      givenName: 'Alice',
      email: 'alice.plumevert@formation-sas.test',
      role: 'regulateur',
      active: true,
      note: 'Médecin régulatrice, compte actif : cas nominal.',
    },
    {
      nationalId: idnpsOfRpps(regulatorRpps(2)),
      login: 'bruno',
      familyName: 'Lunedoux',
      givenName: 'Bruno',
      email: 'bruno.lunedoux@formation-sas.test',
      role: 'osnp',
      active: true,
      note: 'Opérateur de soins non programmés (OSNP), compte actif.',
    },
    {
      nationalId: idnpsOfRpps(regulatorRpps(3)),
      login: 'chloe',
      familyName: 'Galetclair',
      givenName: 'Chloé',
      email: 'chloe.galetclair@formation-sas.test',
      role: 'regulateur',
      active: false,
      note: 'Accès RDV V1 retiré : les éditeurs doivent refuser ses prises de rendez-vous.',
    },
    {
      nationalId: `3${TRAINING_SAMU_FINESS}/OSNP0042`,
      login: 'damien',
      familyName: 'Sapinsage',
      givenName: 'Damien',
      email: 'damien.sapinsage@formation-sas.test',
      role: 'osnp',
      active: true,
      note: 'OSNP sans RPPS : identifiant national de la forme 3 + FINESS + / + identifiant local.',
    },
  ];
}
