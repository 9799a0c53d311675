// ESLint flat config. The `sas/boundaries` rule makes the layers of docs/design.md §3 fail the lint.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import boundaries from './eslint-rules/boundaries.js';
import noDeepRelativeImports from './eslint-rules/no-deep-relative-imports.js';

/** Globals shared/ must not touch: it runs in main, preload, renderer and backend alike. */
const platformGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
].map((name) => ({ name, message: 'shared/ is platform-free: pass what you need in as a parameter.' }));

export default tseslint.config(
  { ignores: ['dist/**', '.tsbuild/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { sas: { rules: { boundaries, 'no-deep-relative-imports': noDeepRelativeImports } } },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'sas/boundaries': 'error',
      'sas/no-deep-relative-imports': 'error',
      // A promise nobody awaits loses its failure; `void` marks the few that are fire-and-forget on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // Plain JavaScript (the lint rules, .mjs scripts, this file) belongs to no TypeScript project.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...platformGlobals] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      'electron/**/*.ts',
      'backend/**/*.ts',
      'cli/**/*.ts',
      'scripts/**/*.{ts,js,mjs}',
      'tests/**/*.{ts,tsx}',
      '*.config.{ts,js}',
      'eslint-rules/**/*.js',
    ],
    languageOptions: { globals: globals.node },
  },
);
