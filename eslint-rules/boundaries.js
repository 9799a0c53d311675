// ESLint rule `sas/boundaries`: which code may import what (design.md §2, §5).
// - shared/ imports nothing from Node or Electron, and only shared/ relatively;
// - renderer/ imports only renderer/ and shared/, nothing from Node or Electron;
// - outside electron/main and electron/preload, `electron` may only be imported as types.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Zones, first match wins: folder prefix → allowed relative targets, Node allowed, runtime electron allowed. */
const ZONES = [
  { prefix: 'shared/', relative: ['shared/'], node: false, electron: 'none' },
  { prefix: 'renderer/', relative: ['renderer/', 'shared/'], node: false, electron: 'none' },
  { prefix: 'electron/main/', relative: null, node: true, electron: 'runtime' },
  { prefix: 'electron/preload/', relative: ['electron/preload/', 'shared/'], node: false, electron: 'runtime' },
  { prefix: '', relative: null, node: true, electron: 'types' },
];

function zoneOf(file) {
  return ZONES.find((zone) => file.startsWith(zone.prefix));
}

function isBuiltin(specifier) {
  return NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]);
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Process boundaries of SAS Console' },
    schema: [],
    messages: {
      node: '{{zone}} must not import Node module "{{specifier}}" (platform-free code).',
      electron: '{{zone}} must not import "electron" at runtime: only electron/main and electron/preload may.',
      electronAny: '{{zone}} must not import "electron", not even its types.',
      relative: '{{zone}} may import only from {{allowed}}; "{{specifier}}" resolves to {{target}}.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const zone = zoneOf(file);
    if (!zone || file.startsWith('..')) return {};
    const zoneName = zone.prefix || 'this file';

    function check(node, specifier, typeOnly) {
      if (typeof specifier !== 'string') return;
      if (specifier === 'electron' || specifier.startsWith('electron/')) {
        if (zone.electron === 'none') context.report({ node, messageId: 'electronAny', data: { zone: zoneName } });
        else if (zone.electron === 'types' && !typeOnly) context.report({ node, messageId: 'electron', data: { zone: zoneName } });
        return;
      }
      if (!zone.node && isBuiltin(specifier)) {
        context.report({ node, messageId: 'node', data: { zone: zoneName, specifier } });
        return;
      }
      if (zone.relative && specifier.startsWith('.')) {
        const target = path
          .relative(root, path.resolve(path.dirname(context.filename), specifier))
          .split(path.sep)
          .join('/');
        if (!zone.relative.some((allowed) => `${target}/`.startsWith(allowed))) {
          context.report({
            node,
            messageId: 'relative',
            data: { zone: zoneName, allowed: zone.relative.join(', '), specifier, target },
          });
        }
      }
    }

    return {
      ImportDeclaration(node) {
        const typeOnly = node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
        check(node, node.source.value, typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, node.exportKind === 'type');
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value, false);
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value, false);
        }
      },
    };
  },
};
