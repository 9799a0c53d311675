import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amrFor,
  idpConnectFrom,
  idpConnectFromAmr,
  isAcceptedAcr,
  parsePscUserinfo,
} from '@backend/identity/psc-claims';

const validUserinfo = {
  sub: 'f:550dc1c8-d97b-4b1e-ac8c-8eb4471cf9dd:810002673899',
  SubjectNameID: '810002673899',
  given_name: 'Alice',
  family_name: 'Martin',
  preferred_username: '810002673899',
  SubjectOrganization: 'SAS 75',
  SubjectRefPro: { exercices: [{ codeProfession: '10' }] },
  otherIds: [{ identifiant: '810002673899', origine: 'RPPS', qualite: 1 }],
  UITVersion: '1.0',
};

describe('PSC userinfo parsing', () => {
  it('reads the claims the SAS needs and keeps unknown ones', () => {
    const result = parsePscUserinfo(validUserinfo);
    expect(result).toMatchObject({
      ok: true,
      value: { SubjectNameID: '810002673899', family_name: 'Martin', UITVersion: '1.0' },
    });
  });

  it('accepts the national id forms seen at PSC, without assuming the 8 prefix', () => {
    for (const id of ['810002673899', '0123456789', '3750000001/REG42', 'ANS20231122132732']) {
      expect(parsePscUserinfo({ ...validUserinfo, SubjectNameID: id })).toMatchObject({
        ok: true,
        value: { SubjectNameID: id },
      });
    }
  });

  it('names the missing national id in French', () => {
    const { SubjectNameID: _omitted, ...withoutId } = validUserinfo;
    expect(parsePscUserinfo(withoutId)).toEqual({
      ok: false,
      message: 'Pro Santé Connect n’a pas transmis le champ identifiant national (SubjectNameID).',
    });
  });

  it('says which claim is invalid', () => {
    expect(parsePscUserinfo({ ...validUserinfo, SubjectNameID: '81000 2673899' })).toEqual({
      ok: false,
      message: 'Le champ identifiant national (SubjectNameID) transmis par Pro Santé Connect est invalide.',
    });
    expect(parsePscUserinfo({ ...validUserinfo, family_name: 'Mar\u0000tin' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('nom (family_name)'),
    });
    expect(parsePscUserinfo('not an object')).toMatchObject({
      ok: false,
      message: expect.stringContaining('objet JSON'),
    });
  });

  it('treats empty optional names as absent (PSC sends "" for unknown fields)', () => {
    expect(parsePscUserinfo({ ...validUserinfo, given_name: '' })).toMatchObject({
      ok: true,
      value: { given_name: undefined },
    });
  });

  it('never throws, and any accepted national id is a bounded identifier without spaces or controls', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const result = parsePscUserinfo(raw);
        if (result.ok) {
          expect(result.value.SubjectNameID).toMatch(/^[0-9A-Za-z][0-9A-Za-z/._-]{1,63}$/u);
        } else {
          expect(result.message.length).toBeGreaterThan(10);
        }
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), fc.string(), (extra, id) => {
        const result = parsePscUserinfo({ ...extra, sub: 's', SubjectNameID: id });
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});

describe('login method (idp_connect) and acr', () => {
  it('maps PSC authMode to idp_connect', () => {
    expect(idpConnectFrom('CARD')).toBe('psc-cps');
    expect(idpConnectFrom('card')).toBe('psc-cps');
    expect(idpConnectFrom(undefined)).toBe('psc-ecps');
    expect(idpConnectFrom('MOBILE')).toBe('psc-ecps');
    expect(idpConnectFrom('FIDO key')).toBe('psc-fido-key');
  });

  it('is total: any authMode gives a short psc-* slug', () => {
    fc.assert(
      fc.property(fc.anything(), (mode) => {
        expect(idpConnectFrom(mode)).toMatch(/^psc-[a-z0-9-]{1,30}$/u);
      }),
    );
  });

  it('keeps the method through the session amr', () => {
    fc.assert(
      fc.property(fc.anything(), (mode) => {
        const idp = idpConnectFrom(mode);
        expect(idpConnectFromAmr(amrFor(idp))).toBe(idp);
      }),
    );
    expect(amrFor('psc-cps')).toEqual(expect.arrayContaining(['sc', 'pin']));
    expect(idpConnectFromAmr(['pwd'])).toBeUndefined();
    expect(idpConnectFromAmr(undefined)).toBeUndefined();
  });

  it('accepts eidas1–3 or no acr, nothing else', () => {
    expect(isAcceptedAcr(undefined)).toBe(true);
    for (const acr of ['eidas1', 'eidas2', 'eidas3']) expect(isAcceptedAcr(acr)).toBe(true);
    for (const acr of ['eidas0', 'EIDAS1', '', 'loa1', 2, null]) expect(isAcceptedAcr(acr)).toBe(false);
  });
});
