// The process boundaries of design.md are enforced by the lint, with the project's real ESLint config.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'sas/boundaries' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('lint boundaries', () => {
  it('fails a Node import in shared/', async () => {
    const errors = await boundaryErrors('shared/domain/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    expect(errors).toEqual([expect.stringContaining('must not import Node module "node:fs"')]);
  });

  it('fails bare Node builtins and electron (even types) in shared/', async () => {
    expect(await boundaryErrors('shared/x.ts', "import path from 'path';\nexport const p = path;\n")).toHaveLength(1);
    expect(await boundaryErrors('shared/x.ts', "import type { App } from 'electron';\nexport type A = App;\n")).toHaveLength(1);
  });

  it('fails DOM and Node globals in shared/', async () => {
    const errors = await boundaryErrors('shared/x.ts', 'export const a = () => window.location.href + process.env.X;\n');
    expect(errors).toHaveLength(2);
  });

  it('fails a relative import from shared/ into another layer', async () => {
    const errors = await boundaryErrors('shared/x.ts', "import { y } from '../backend/y';\nexport const x = y;\n");
    expect(errors).toEqual([expect.stringContaining('resolves to backend/y')]);
  });

  it('keeps the renderer to renderer/ and shared/', async () => {
    expect(await boundaryErrors('renderer/app/x.ts', "import { y } from '../../shared/domain';\nexport const x = y;\n")).toEqual([]);
    expect(await boundaryErrors('renderer/app/x.ts', "import { y } from '../../electron/services/y';\nexport const x = y;\n")).toHaveLength(1);
    expect(await boundaryErrors('renderer/app/x.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n")).toHaveLength(1);
  });

  it('allows runtime electron only in main and preload', async () => {
    const runtime = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await boundaryErrors('electron/main/x.ts', runtime)).toEqual([]);
    expect(await boundaryErrors('electron/preload/x.ts', runtime)).toEqual([]);
    expect(await boundaryErrors('electron/services/x.ts', runtime)).toHaveLength(1);
    expect(await boundaryErrors('backend/x.ts', runtime)).toHaveLength(1);
    expect(await boundaryErrors('backend/x.ts', "const e = require('electron');\nexport default e;\n")).toHaveLength(1);
    expect(await boundaryErrors('electron/services/x.ts', "import type { App } from 'electron';\nexport type A = App;\n")).toEqual([]);
  });
});
