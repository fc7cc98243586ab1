import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FEATURES = readdirSync(join(dirname(fileURLToPath(import.meta.url)), 'src', 'features'));

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'dist-lib', 'node_modules', 'public/mockServiceWorker.js', 'src/api/schema.d.ts', 'test-results', 'playwright-report', 'bench-results', 'dist-e2e', 'scripts/.scratch*', 'test/console-host/node_modules'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The console-like test host: plain JS for the browser (webpack) and Node (its build and server).
    files: ['test/console-host/**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Command-line scripts print their results.
    files: ['scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // A port of React's own shim (see the file): React's compiler rules do not apply to it.
    files: ['src/embed/use-sync-external-store-with-selector.ts'],
    rules: { 'react-hooks/refs': 'off', 'react-hooks/immutability': 'off', 'react-hooks/globals': 'off' },
  },
  // Features never import each other, the app or the mock; they share state through the URL.
  // (src/testing/boundaries.test.ts checks the same rules on resolved paths, relative imports and
  // import cycles included.)
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*', '@/mocks/*', '**/mocks/*'], message: 'features must not import app/ or mocks/' },
            { group: FEATURES.filter((other) => other !== feature).map((other) => `@/features/${other}/*`), message: 'features must not import each other' },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/api/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/app/*', '@/features/*', '@/mocks/*'], message: 'shared layers must not import app/, features/ or mocks/' }] },
      ],
    },
  },
);
