// The path aliases of tsconfig.base.json, for the lint rules and the deep-import codemod (plain Node, no deps).
// `@shared/x` ⇄ `shared/x`: the rules judge an alias import by the folder it resolves to, like a relative one.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** `[{ alias: '@shared/', folder: 'shared/' }, …]`, the longest folder first so the most specific alias wins. */
export function readAliases(root) {
  const base = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
  return Object.entries(base.compilerOptions.paths)
    .map(([alias, [target]]) => ({
      alias: alias.replace(/\*$/u, ''),
      folder: target.replace(/^\.\//u, '').replace(/\*$/u, ''),
    }))
    .sort((a, b) => b.folder.length - a.folder.length);
}

/** The repository-relative path (posix) an alias specifier points to, or undefined when it is no alias. */
export function resolveAlias(aliases, specifier) {
  const hit = aliases.find(({ alias }) => specifier.startsWith(alias));
  return hit ? `${hit.folder}${specifier.slice(hit.alias.length)}`.replace(/\/$/u, '') : undefined;
}

/** The alias form of a repository-relative path: the most specific folder that holds it. */
export function aliasFor(aliases, repoPath) {
  const hit = aliases.find(({ folder }) => folder === '' || repoPath.startsWith(folder));
  return hit ? `${hit.alias}${repoPath.slice(hit.folder.length)}` : undefined;
}

/** Relative specifiers that climb more than two folders (`../../../x`). */
export function isDeepRelative(specifier) {
  return /^(\.\.\/){3,}/u.test(specifier);
}
