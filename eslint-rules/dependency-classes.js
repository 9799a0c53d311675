// Where each npm dependency may run. Every package of package.json is listed: an import of a package that is not
// classified here fails the lint (sas/boundaries), so adding a dependency means deciding where it may run.
// - platform-free: pure JavaScript with no Node, DOM or Electron API (shared/ may import only these);
// - node: needs Node or is a server/tooling package (never in the renderer or shared/);
// - dom: needs a browser (renderer, tests);
// - electron: loads `electron` at run time (Electron main only).
export const DEPENDENCY_CLASSES = {
  // dependencies
  '@electric-sql/pglite': 'node',
  '@tanstack/react-virtual': 'dom',
  'electron-store': 'electron',
  jose: 'platform-free',
  'maplibre-gl': 'dom',
  'oidc-provider': 'node',
  'openid-client': 'node',
  amqplib: 'node',
  pg: 'node',
  pino: 'node',
  'prom-client': 'node',
  proj4: 'platform-free',
  react: 'dom',
  'react-dom': 'dom',
  undici: 'node',
  yaml: 'platform-free',
  zod: 'platform-free',
  // devDependencies: test and build tooling
  '@axe-core/playwright': 'node',
  '@doyensec/csp-evaluator': 'node',
  '@doyensec/electronegativity': 'node',
  '@eslint/js': 'node',
  '@playwright/test': 'node',
  '@vitejs/plugin-react': 'node',
  conf: 'node',
  electron: 'electron',
  'electron-builder': 'node',
  eslint: 'node',
  'fast-check': 'platform-free',
  globals: 'node',
  knip: 'node',
  prettier: 'node',
  tsx: 'node',
  typescript: 'node',
  'typescript-eslint': 'node',
  vite: 'node',
  vitest: 'node',
  // type packages: imported under the name they describe (`fhir/r4` → @types/fhir)
  '@types/fhir': 'platform-free',
  '@types/geojson': 'platform-free',
  '@types/node': 'node',
  '@types/oidc-provider': 'node',
  '@types/pg': 'node',
  '@types/react': 'dom',
  '@types/react-dom': 'dom',
};

/** The package a bare specifier names: `react-dom/client` → react-dom, `@scope/pkg/x` → @scope/pkg. */
export function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The class of an imported package (directly, or through its @types package), or undefined when unclassified. */
export function classOf(pkg) {
  const typesName = `@types/${pkg.startsWith('@') ? pkg.slice(1).replace('/', '__') : pkg}`;
  return DEPENDENCY_CLASSES[pkg] ?? DEPENDENCY_CLASSES[typesName];
}
