// ESLint rule `sas/no-deep-relative-imports`: no import climbs more than two folders (`../../../x`); a path alias
// of tsconfig.base.json (`@shared/x`, `@backend/x`…) says where the module lives instead of how far away it is.
// scripts/codemods/deep-imports.mjs rewrites existing ones.
import path from 'node:path';
import { aliasFor, isDeepRelative, readAliases } from './path-aliases.js';

let aliasCache;
function aliasesOf(root) {
  if (aliasCache?.root !== root) aliasCache = { root, aliases: readAliases(root) };
  return aliasCache.aliases;
}

export default {
  meta: {
    type: 'suggestion',
    docs: { description: 'Path aliases instead of relative imports that climb more than two folders' },
    schema: [],
    messages: { deep: '"{{specifier}}" climbs more than two folders: import "{{alias}}" instead.' },
  },
  create(context) {
    const root = context.cwd;
    function check(node, specifier) {
      if (typeof specifier !== 'string' || !isDeepRelative(specifier)) return;
      const target = path
        .relative(root, path.resolve(path.dirname(context.filename), specifier))
        .split(path.sep)
        .join('/');
      const alias = aliasFor(aliasesOf(root), target) ?? 'a path alias';
      context.report({ node, messageId: 'deep', data: { specifier, alias } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
