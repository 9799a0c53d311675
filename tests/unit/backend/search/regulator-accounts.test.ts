// Slots of a publisher that takes no regulator accounts (no RDV V1) reach the console marked so: its booking page
// would not know the regulator, the chip says to call. Other publishers' slots are left as they are.
import { describe, expect, it } from 'vitest';
import { mapPublisherAnswer } from '@backend/search/adapters';
import type { PublisherSource } from '@backend/search/aggregator';
import { loadIg } from '@tests/fixtures/fhir/load';

const source = (regulatorAccounts: boolean): PublisherSource => ({
  kind: 'publisher',
  info: { id: 'editeur', name: 'Éditeur', kind: 'publisher' },
  flavour: 'ps',
  baseUrl: 'https://editeur.invalid/fhir',
  cpts: false,
  regulatorAccounts,
  ids: [],
});

describe('slots of a publisher without regulator accounts', () => {
  const bundle = loadIg('Bundle-ExampleBundlePSIndiv.json');

  it('are all marked, and only theirs', () => {
    const refused = mapPublisherAnswer(bundle, source(false)).slots;
    const accepted = mapPublisherAnswer(bundle, source(true)).slots;
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((slot) => slot.regulatorAccountsRefused === true)).toBe(true);
    expect(accepted.some((slot) => 'regulatorAccountsRefused' in slot)).toBe(false);
    expect(refused.map(({ regulatorAccountsRefused: _flag, ...slot }) => slot)).toEqual(accepted);
  });
});
