// Structure managers: a token is known by its SHA-256 only, and a manager writes only the structures it manages —
// a CPTS manager its members' slots offered through the CPTS and the CPTS's own, a SOS site manager its site's.
import type { IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaManagerAuthenticator, agendaManagerSchema, sha256Hex, unmanagedOwners } from '@backend/agenda/managers';
import { HttpError } from '@backend/http/json';

const CPTS = '330000019';
const MEMBER = '810000000011';
const OTHER = '810000000029';
const SITE = '1339900128';
const directory = {
  getCpts: (finess: string) => (finess === CPTS ? { finess, name: 'CPTS', memberIds: [MEMBER] } : undefined),
};

const manager = (fields: Record<string, unknown>) =>
  agendaManagerSchema.parse({ name: 'm', tokenSha256: sha256Hex('x'.repeat(20)), ...fields });

const request = (authorization?: string) =>
  ({ headers: authorization === undefined ? {} : { authorization } }) as IncomingMessage;

describe('structure managers of the SAS agenda', () => {
  it('knows a token by its hash (either case), refuses any other with 401', () => {
    const token = 'jeton-de-gestionnaire-0123456789';
    const authenticate = agendaManagerAuthenticator([
      { name: 'Autre', tokenSha256: sha256Hex('un-autre-jeton-0123456789') },
      { name: 'CPTS', tokenSha256: sha256Hex(token).toUpperCase(), cpts: [CPTS] },
    ]);
    expect(authenticate(request(`Bearer ${token}`))).toMatchObject({ name: 'CPTS', cpts: [CPTS] });
    for (const header of [undefined, '', `Basic ${token}`, `Bearer ${token}x`, 'Bearer court']) {
      expect(() => authenticate(request(header))).toThrow(HttpError);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (header) => {
        try {
          authenticate(request(header));
          expect(header).toBe(`Bearer ${token}`);
        } catch (error) {
          expect(error).toMatchObject({ status: 401, code: 'agenda-manager-unauthenticated' });
        }
      }),
    );
  });

  it('refuses a configured token that is not a SHA-256', () => {
    expect(agendaManagerSchema.safeParse({ name: 'm', tokenSha256: 'secret-en-clair' }).success).toBe(false);
  });

  it('lets a CPTS manager write its members’ slots through the CPTS and the CPTS’s own, nothing else', () => {
    const cptsManager = manager({ cpts: [CPTS] });
    expect(unmanagedOwners(cptsManager, { practitionerId: MEMBER, cptsFiness: CPTS }, directory)).toEqual([]);
    expect(unmanagedOwners(cptsManager, { cptsFiness: CPTS }, directory)).toEqual([]);
    expect(unmanagedOwners(cptsManager, { practitionerId: OTHER, cptsFiness: CPTS }, directory)).toEqual([
      'practitionerId',
    ]);
    expect(unmanagedOwners(cptsManager, { practitionerId: MEMBER }, directory)).toEqual(['practitionerId']);
    expect(unmanagedOwners(cptsManager, { sosSiteId: SITE }, directory)).toEqual(['sosSiteId']);
  });

  it('lets a SOS site manager write its site’s slots, a practitioner’s manager their own, training everything', () => {
    expect(
      unmanagedOwners(manager({ sosSites: [SITE] }), { sosSiteId: SITE, practitionerId: OTHER }, directory),
    ).toEqual([]);
    expect(unmanagedOwners(manager({ practitioners: [OTHER] }), { practitionerId: OTHER }, directory)).toEqual([]);
    expect(
      unmanagedOwners(manager({ practitioners: [OTHER] }), { practitionerId: OTHER, cptsFiness: CPTS }, directory),
    ).toEqual(['cptsFiness']);
    expect(unmanagedOwners(manager({ allStructures: true }), { cptsFiness: 'ailleurs' }, directory)).toEqual([]);
  });
});
