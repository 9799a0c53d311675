#!/usr/bin/env node
// Rewrites every relative import that climbs more than two folders (`../../../shared/x`) to its path alias
// (`@shared/x`), in the product and the tests: what `sas/no-deep-relative-imports` asks for. Plain Node, no deps.
//   node scripts/codemods/deep-imports.mjs [root] [--dry-run]
// Only import specifiers change (static, dynamic, side-effect, re-exports); `new URL('../../../x', import.meta.url)`
// file paths stay as they are.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aliasFor, isDeepRelative, readAliases } from '../../eslint-rules/path-aliases.js';

const FOLDERS = ['shared', 'renderer', 'electron', 'backend', 'cli', 'scripts', 'tests'];
const SOURCE = /\.(ts|tsx|mts|js|mjs)$/u;
const IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])((?:\.\.\/){3,}[^'"\n]*)\2/gu;

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) yield* sourceFiles(full);
    } else if (SOURCE.test(entry.name)) {
      yield full;
    }
  }
}

/** The file's text with its deep imports rewritten, and how many it rewrote; unmappable ones are listed. */
export function rewrite(root, aliases, file, text) {
  let count = 0;
  const left = [];
  const out = text.replace(IMPORT, (whole, lead, quote, specifier) => {
    if (!isDeepRelative(specifier)) return whole;
    const target = path
      .relative(root, path.resolve(path.dirname(file), specifier))
      .split(path.sep)
      .join('/');
    const alias = target.startsWith('..') ? undefined : aliasFor(aliases, target);
    if (!alias) {
      left.push(specifier);
      return whole;
    }
    count += 1;
    return `${lead}${quote}${alias}${quote}`;
  });
  return { text: out, count, left };
}

function main(argv) {
  const dryRun = argv.includes('--dry-run');
  const root = path.resolve(argv.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../../', import.meta.url)));
  const aliases = readAliases(root);
  let total = 0;
  let files = 0;
  for (const folder of FOLDERS) {
    let dir;
    try {
      dir = sourceFiles(path.join(root, folder));
      for (const file of dir) {
        const before = readFileSync(file, 'utf8');
        const { text, count, left } = rewrite(root, aliases, file, before);
        for (const specifier of left)
          console.warn(`left as is (no alias holds it): ${path.relative(root, file)}: ${specifier}`);
        if (count === 0) continue;
        total += count;
        files += 1;
        if (!dryRun) writeFileSync(file, text);
      }
    } catch (error) {
      if (error?.code !== 'ENOENT') throw error;
    }
  }
  console.log(`${dryRun ? 'would rewrite' : 'rewrote'} ${total} deep import(s) in ${files} file(s)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main(process.argv.slice(2));
