import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// scripts/electronegativity.mjs fails the run on any `eng-disable` whose justification is not in the comment
// block right above it. Loaded by path: it is a plain Node script, without type declarations.
const script = fileURLToPath(new URL('../../../scripts/electronegativity.mjs', import.meta.url));
type Rule = (files: string[], base?: string) => string[];

let dir: string;
let unjustifiedExceptions: Rule;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sas-eng-'));
  ({ unjustifiedExceptions } = (await import(/* @vite-ignore */ script)) as { unjustifiedExceptions: Rule });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Electronegativity exceptions must be justified next to the code', () => {
  it('accepts an exception whose comment block right above explains it', async () => {
    const file = join(dir, 'ok.ts');
    await writeFile(
      file,
      [
        'const a = 1;',
        '// Reviewed: the URL was checked against the allow-list just above,',
        '// and only its re-serialised form is opened.',
        'shell.openExternal(href); // eng-disable OPEN_EXTERNAL_JS_CHECK',
      ].join('\n'),
    );
    expect(unjustifiedExceptions([file], dir)).toEqual([]);
  });

  it('refuses a bare exception, a too-short reason, or a reason separated by code', async () => {
    const file = join(dir, 'bad.ts');
    await writeFile(
      file,
      [
        'shell.openExternal(a); // eng-disable OPEN_EXTERNAL_JS_CHECK',
        '// ok',
        'shell.openExternal(b); // eng-disable OPEN_EXTERNAL_JS_CHECK',
        '// A long enough explanation that is not attached to the line below it.',
        'const unrelated = 2;',
        'shell.openExternal(c); // eng-disable OPEN_EXTERNAL_JS_CHECK',
      ].join('\n'),
    );
    expect(unjustifiedExceptions([file], dir)).toEqual([
      'bad.ts:1: exception sans justification dans le commentaire au-dessus',
      'bad.ts:3: exception sans justification dans le commentaire au-dessus',
      'bad.ts:6: exception sans justification dans le commentaire au-dessus',
    ]);
  });

  it('the console’s own exceptions are all justified', async () => {
    const sources = [
      'electron/main/window.ts',
      'electron/main/protocol-client.ts',
      'electron/main/external-opener.ts',
      'electron/main/web-guards.ts',
    ].map((path) => fileURLToPath(new URL(`../../../${path}`, import.meta.url)));
    expect(unjustifiedExceptions(sources)).toEqual([]);
  });
});
