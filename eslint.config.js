// ESLint flat config. The `sas/boundaries` rule makes the process boundaries of design.md fail the lint.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import boundaries from './eslint-rules/boundaries.js';

/** Globals shared/ must not touch: it runs in main, preload, renderer and backend alike. */
const platformGlobals = [
  'window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest',
  'process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate',
].map((name) => ({ name, message: 'shared/ is platform-free: pass what you need in as a parameter.' }));

export default tseslint.config(
  { ignores: ['dist/**', '.tsbuild/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { sas: { rules: { boundaries } } },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'sas/boundaries': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
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
    files: ['electron/**/*.ts', 'backend/**/*.ts', 'cli/**/*.ts', 'scripts/**/*.{ts,js,mjs}', 'tests/**/*.{ts,tsx}', '*.config.{ts,js}', 'eslint-rules/**/*.js'],
    languageOptions: { globals: globals.node },
  },
);
