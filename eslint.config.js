import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';

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
  {
    // Features never import each other or the app; they share state through the URL.
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*', '@/mocks/*'], message: 'features must not import app/ or mocks/' }] }],
    },
  },
  {
    files: ['src/api/**/*.ts', 'src/components/**/*.{ts,tsx}', 'src/lib/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/app/*', '@/features/*', '@/mocks/*'], message: 'shared layers must not import app/, features/ or mocks/' }] },
      ],
    },
  },
);
