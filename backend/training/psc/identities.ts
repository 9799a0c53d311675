// Training identities of the stand-in Pro Santé Connect, and the PSC-shaped claims made from them. The data-set
// helper writes the real list under resources/training/; this schema is what such a file must satisfy.
import { createHash } from 'node:crypto';
import { z } from 'zod';

const trainingPscIdentitySchema = z.object({
  /** `SubjectNameID`: the national id (IDNPS), e.g. `810002673899`. */
  nationalId: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z/._-]{1,63}$/u),
  givenName: z.string().min(1).max(100),
  familyName: z.string().min(1).max(100),
  /** Profession code of TRE_G15 (`10` médecin); default `10`. */
  professionCode: z
    .string()
    .regex(/^\d{2}$/u)
    .optional(),
  /** Name of the structure (SubjectOrganization). */
  organization: z.string().max(200).optional(),
  civility: z.enum(['M', 'MME']).optional(),
  /** Free text shown next to the name on the training login page (e.g. « Régulateur, SAS 75 »). */
  label: z.string().max(200).optional(),
});

export type TrainingPscIdentity = z.infer<typeof trainingPscIdentitySchema>;

export const trainingPscIdentitiesSchema = z.array(trainingPscIdentitySchema).min(1).max(10_000);

/** What the data set's regulators (resources/training/regulators.json) give the training PSC; structural on purpose. */
export interface TrainingRegulatorLike {
  nationalId: string;
  familyName: string;
  givenName: string;
  role?: 'osnp' | 'regulateur';
  note?: string;
}

const ROLE_LABELS: Record<string, string> = { osnp: 'OSNP', regulateur: 'Médecin régulateur' };

/**
 * Login-page identities from the training data set's regulators. Every regulator is offered, the inactive ones too:
 * PSC knows them, the SAS refuses them, which is what trainers show.
 */
export function trainingPscIdentitiesFrom(regulators: readonly TrainingRegulatorLike[]): TrainingPscIdentity[] {
  return regulators.map((regulator) => {
    const label = [regulator.role ? ROLE_LABELS[regulator.role] : undefined, regulator.note]
      .filter(Boolean)
      .join(' — ');
    return trainingPscIdentitySchema.parse({
      nationalId: regulator.nationalId,
      givenName: regulator.givenName,
      familyName: regulator.familyName,
      ...(label ? { label: label.slice(0, 200) } : {}),
    });
  });
}

/**
 * PSC's `sub` is opaque (`f:<uuid>:<id>` in the sandbox), not the national id: the training PSC keeps that shape so
 * nothing downstream mistakes one for the other. Stable per identity.
 */
export function trainingSubject(identity: Pick<TrainingPscIdentity, 'nationalId'>): string {
  const hex = createHash('sha256').update(`psc-formation:${identity.nationalId}`).digest('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return `f:${uuid}:${identity.nationalId}`;
}

/** The `scope_all` claims PSC sends in userinfo for this identity. */
export function scopeAllClaims(identity: TrainingPscIdentity): Record<string, unknown> {
  const organization = identity.organization ?? 'SAS FORMATION';
  return {
    SubjectNameID: identity.nationalId,
    preferred_username: identity.nationalId,
    given_name: identity.givenName,
    family_name: identity.familyName,
    SubjectOrganization: organization,
    SubjectRefPro: {
      codeCivilite: identity.civility ?? '',
      exercices: [
        {
          codeProfession: identity.professionCode ?? '10',
          codeCategorieProfessionnelle: 'C',
          nomDexercice: identity.familyName,
          prenomDexercice: identity.givenName,
          activities: [{ raisonSocialeSite: organization, codeModeExercice: 'S' }],
        },
      ],
    },
    otherIds: [{ identifiant: identity.nationalId, origine: 'FORMATION', qualite: 1 }],
  };
}
