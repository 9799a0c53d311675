// ESLint rule `sas/boundaries`: which code may import what (docs/design.md §3). The TypeScript projects enforce the
// same layer edges (tsconfig.<layer>.json references); this rule adds what the compiler cannot see: sub-folders
// (main reaches the backend only through its training entry), Node builtins, runtime vs type-only `electron`, and the
// class of each npm package (eslint-rules/dependency-classes.js).
import { builtinModules } from 'node:module';
import path from 'node:path';
import { classOf, packageOf } from './dependency-classes.js';
import { readAliases, resolveAlias } from './path-aliases.js';

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

const ANY = ['platform-free', 'node', 'dom', 'electron'];
const SERVER = ['platform-free', 'node'];

/**
 * Zones, first match wins: folder prefix → the folders (or files, without extension) it may import, whether Node
 * builtins are allowed, `electron` (none / types / runtime) and the dependency classes it may import.
 */
const ZONES = [
  { prefix: 'shared/', may: ['shared'], node: false, electron: 'none', packages: ['platform-free'] },
  {
    prefix: 'renderer/',
    may: ['renderer', 'shared'],
    node: false,
    electron: 'none',
    packages: ['platform-free', 'dom'],
  },
  {
    prefix: 'electron/preload/',
    may: ['electron/preload', 'shared'],
    node: false,
    electron: 'runtime',
    packages: ['platform-free'],
  },
  {
    prefix: 'electron/main/',
    // Embedded training mode: the shell starts the training environment, and nothing else of the backend.
    may: ['electron/main', 'electron/services', 'shared', 'backend/training/environment'],
    node: true,
    electron: 'runtime',
    packages: [...SERVER, 'electron'],
  },
  {
    prefix: 'electron/services/',
    may: ['electron/services', 'shared'],
    node: true,
    electron: 'types',
    packages: SERVER,
  },
  {
    prefix: 'electron/harness/',
    // The web harness embeds the training environment and answers HTTP with the backend's body reader.
    may: ['electron/harness', 'electron/services', 'shared', 'backend/training/environment', 'backend/http'],
    node: true,
    electron: 'none',
    packages: SERVER,
  },
  { prefix: 'backend/', may: ['backend', 'shared'], node: true, electron: 'none', packages: SERVER },
  {
    prefix: 'cli/',
    // check-appointment runs the V3 receiver's own validation; check-publisher asks through the platform's client;
    // lrm-message builds the backend's own INT_L02 message.
    may: ['cli', 'shared', 'backend/appointments', 'backend/search/publisher-client', 'backend/lrm/message'],
    node: true,
    electron: 'none',
    packages: SERVER,
  },
  // Scripts are tooling: the deep-import codemod shares the alias reader of the lint rules.
  {
    prefix: 'scripts/',
    may: ['scripts', 'shared', 'backend', 'eslint-rules'],
    node: true,
    electron: 'none',
    packages: SERVER,
  },
  { prefix: 'tests/', may: null, node: true, electron: 'types', packages: ANY },
  // Root configuration files and the lint rules themselves.
  { prefix: '', may: null, node: true, electron: 'types', packages: ANY },
];

const SOURCE_EXTENSION = /\.(ts|tsx|js|mjs|cjs|json)$/u;

function zoneOf(file) {
  return ZONES.find((zone) => file.startsWith(zone.prefix));
}

function isBuiltin(specifier) {
  return NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]);
}

function toPosix(p) {
  return p.split(path.sep).join('/');
}

function allowedTarget(zone, target) {
  const bare = target.replace(SOURCE_EXTENSION, '').replace(/\/index$/u, '');
  return zone.may.some(
    (allowed) => bare === allowed || bare.startsWith(`${allowed}/`) || target.startsWith(`${allowed}/`),
  );
}

let aliasCache;
function aliasesOf(root) {
  if (aliasCache?.root !== root) aliasCache = { root, aliases: readAliases(root) };
  return aliasCache.aliases;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Layer boundaries of SAS Console' },
    schema: [],
    messages: {
      node: '{{zone}} must not import Node module "{{specifier}}" (platform-free code).',
      electron: '{{zone}} must not import "electron" at runtime: only electron/main and electron/preload may.',
      electronAny: '{{zone}} must not import "electron", not even its types.',
      relative: '{{zone}} may import only from {{allowed}}; "{{specifier}}" resolves to {{target}}.',
      unclassified:
        '"{{pkg}}" is not classified: add it to eslint-rules/dependency-classes.js (platform-free, node, dom or electron).',
      packageClass: '{{zone}} must not import "{{pkg}}" ({{cls}} package); allowed here: {{allowed}}.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = toPosix(path.relative(root, context.filename));
    const zone = zoneOf(file);
    if (!zone || file.startsWith('..')) return {};
    const zoneName = zone.prefix || 'this file';
    const aliases = aliasesOf(root);

    function checkLocal(node, specifier, target) {
      if (!zone.may || target.startsWith('..')) return;
      if (!allowedTarget(zone, target)) {
        context.report({
          node,
          messageId: 'relative',
          data: { zone: zoneName, allowed: zone.may.map((m) => `${m}/`).join(', '), specifier, target },
        });
      }
    }

    function checkPackage(node, specifier) {
      const pkg = packageOf(specifier);
      const cls = classOf(pkg);
      if (!cls) {
        context.report({ node, messageId: 'unclassified', data: { pkg } });
      } else if (!zone.packages.includes(cls)) {
        context.report({
          node,
          messageId: 'packageClass',
          data: { zone: zoneName, pkg, cls, allowed: zone.packages.join(', ') },
        });
      }
    }

    function check(node, specifier, typeOnly) {
      if (typeof specifier !== 'string') return;
      if (specifier === 'electron' || specifier.startsWith('electron/')) {
        if (zone.electron === 'none') context.report({ node, messageId: 'electronAny', data: { zone: zoneName } });
        else if (zone.electron === 'types' && !typeOnly)
          context.report({ node, messageId: 'electron', data: { zone: zoneName } });
        return;
      }
      if (isBuiltin(specifier)) {
        if (!zone.node) context.report({ node, messageId: 'node', data: { zone: zoneName, specifier } });
        return;
      }
      if (specifier.startsWith('.')) {
        checkLocal(
          node,
          specifier,
          toPosix(path.relative(root, path.resolve(path.dirname(context.filename), specifier))),
        );
        return;
      }
      const aliased = resolveAlias(aliases, specifier);
      if (aliased !== undefined) {
        checkLocal(node, specifier, aliased);
        return;
      }
      // Vite's virtual and query imports (`/vite.svg`, `x?raw`) are not packages.
      if (specifier.startsWith('/') || specifier.startsWith('virtual:')) return;
      checkPackage(node, specifier);
    }

    return {
      ImportDeclaration(node) {
        const typeOnly =
          node.importKind === 'type' ||
          (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
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
      TSImportType(node) {
        const literal = node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument;
        if (literal?.type === 'Literal') check(node, literal.value, true);
      },
      CallExpression(node) {
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          node.arguments[0]?.type === 'Literal'
        ) {
          check(node, node.arguments[0].value, false);
        }
      },
    };
  },
};
