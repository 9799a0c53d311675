// A finding of the fuzzing campaign: the launch parser's messages used to repeat the patient's address when a
// launch URL was malformed in common ways. Its README promises "patient data (address, GP name) is never echoed"
// and "the query holds the patient's address and never goes into a message". These tests failed before the parser
// was fixed; they are its regression tests.
//
// Two paths, both quoting untrusted text that is not the origin:
//  1. the URL "without its query" (scheme, host, path) is quoted up to 120 characters in `launch-path-unrecognized`,
//     `unsupported-launch-url` and `launch-host-not-allowed`. When an LRM writes `&` (or `/`) instead of `?`, there
//     is no query: the whole address is in the "path", and is quoted;
//  2. `unknown-parameter` quotes the decoded parameter name up to 40 characters. When an LRM writes `:` instead of
//     `=`, or encodes the `=` (`%3D`, double encoding), the name holds the value: the street is quoted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LaunchIssue } from '@shared/domain/launch';
import { parseLaunch } from '@shared/launch/parse-launch';
import { applyLaunchMutations, LAUNCH_MUTATIONS, seedLaunches } from '@tests/fuzz/launch-corpus';
import { checkLaunch } from '@tests/fuzz/launch-oracle';
import { createRng } from '@tests/fuzz/random';

const STREET = 'rue%20Z%C3%A9phyrin%20Quasimodo';

function issues(url: string): LaunchIssue[] {
  const result = parseLaunch(url);
  return [...(result.ok ? [] : result.errors), ...result.warnings];
}

function shownText(url: string): string {
  return issues(url)
    .map((i) => `${i.parameter ?? ''} ${i.message}`)
    .join('\n');
}

describe('launch messages never repeat the patient’s address (finding: they do)', () => {
  it('`&` instead of `?` after the console target: the refusal quotes the whole address', () => {
    const url = `sas-console://recherche&inseecode=47001&city=Agen&streetname=${STREET}&streetnumber=4711`;
    expect(issues(url).map((i) => i.code)).toEqual(['launch-path-unrecognized']);
    expect(shownText(url)).not.toMatch(/Quasimodo|phyrin|4711/u);
  });

  it('`&` instead of `?` after the platform page: same', () => {
    const url = `https://sas.sante.fr/sas/recherche&city=Agen&streetname=${STREET}`;
    expect(issues(url).map((i) => i.code)).toEqual(['launch-path-unrecognized']);
    expect(shownText(url)).not.toMatch(/Quasimodo|phyrin/u);
  });

  it('`:` instead of `=`: the unknown-parameter warning quotes the street as a parameter name', () => {
    const url = `sas-console://recherche?city=Agen&streetname:${STREET}`;
    expect(issues(url).map((i) => i.code)).toContain('unknown-parameter');
    expect(shownText(url)).not.toMatch(/Quasimodo|phyrin/u);
  });

  it('an encoded `=` (double-encoded query): same', () => {
    const url = `sas-console://recherche?city=Agen&streetname%3D${STREET}`;
    expect(issues(url).map((i) => i.code)).toContain('unknown-parameter');
    expect(shownText(url)).not.toMatch(/Quasimodo|phyrin/u);
  });

  it('property: whatever the damage, no message or parameter shown quotes the street or the GP’s name', () => {
    const seeds = seedLaunches();
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.constantFrom(...LAUNCH_MUTATIONS), { minLength: 1, maxLength: 4 }),
        fc.integer(),
        (seed, mutations, rngSeed) => {
          const url = applyLaunchMutations(seed, mutations, createRng(rngSeed), seeds);
          expect(checkLaunch(url).violations.filter((v) => v.kind === 'privacy')).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
