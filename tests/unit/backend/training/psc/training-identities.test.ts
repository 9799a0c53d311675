import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  scopeAllClaims,
  trainingPscIdentitiesFrom,
  trainingPscIdentitiesSchema,
  trainingSubject,
} from '@backend/training/psc/identities';

const alice = { nationalId: '810002673899', givenName: 'Alice', familyName: 'Martin' };

describe('training PSC identities', () => {
  it('validates a list and refuses malformed national ids', () => {
    expect(trainingPscIdentitiesSchema.safeParse([alice]).success).toBe(true);
    expect(trainingPscIdentitiesSchema.safeParse([]).success).toBe(false);
    expect(trainingPscIdentitiesSchema.safeParse([{ ...alice, nationalId: '81 000' }]).success).toBe(false);
  });

  it('gives each identity a stable opaque PSC-shaped subject, distinct from the national id', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-Za-z][0-9A-Za-z/._-]{1,20}$/u),
        fc.stringMatching(/^[0-9A-Za-z][0-9A-Za-z/._-]{1,20}$/u),
        (a, b) => {
          const subject = trainingSubject({ nationalId: a });
          expect(subject).toMatch(/^f:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}:/u);
          expect(subject).toBe(trainingSubject({ nationalId: a }));
          expect(subject).not.toBe(a);
          if (a !== b) expect(subject).not.toBe(trainingSubject({ nationalId: b }));
        },
      ),
    );
  });

  it('builds scope_all claims the way PSC shapes them', () => {
    expect(scopeAllClaims(alice)).toMatchObject({
      SubjectNameID: '810002673899',
      preferred_username: '810002673899',
      given_name: 'Alice',
      family_name: 'Martin',
      SubjectRefPro: { exercices: [{ codeProfession: '10', nomDexercice: 'Martin' }] },
      otherIds: [{ identifiant: '810002673899' }],
    });
  });
});

describe('identities from the training data set', () => {
  it('offers every regulator of resources/training/regulators.json on the login page', async () => {
    const { readFile } = await import('node:fs/promises');
    const file = JSON.parse(
      await readFile(new URL('../../../../../resources/training/regulators.json', import.meta.url), 'utf8'),
    ) as {
      regulators: {
        nationalId: string;
        familyName: string;
        givenName: string;
        role: 'osnp' | 'regulateur';
        note: string;
      }[];
    };
    const identities = trainingPscIdentitiesFrom(file.regulators);
    expect(identities).toHaveLength(file.regulators.length);
    expect(identities.length).toBeGreaterThan(0);
    for (const [index, identity] of identities.entries()) {
      expect(identity.nationalId).toBe(file.regulators[index]!.nationalId);
      // The login page tells trainers who each identity is: its role, and the regulator's note.
      expect(identity.label).toMatch(/^(OSNP|Médecin régulateur) — .{10,}/u);
    }
  });

  it('labels by role', () => {
    expect(trainingPscIdentitiesFrom([{ ...alice, role: 'osnp', note: 'Compte actif.' }])[0]?.label).toBe(
      'OSNP — Compte actif.',
    );
  });
});
