// One linter (typescript-eslint, type-checked) plus Prettier (`prettier --check` in `npm run lint`).
// The layer rules of house-style.md are enforced here: imports point down only.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (group, message) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    { patterns: [{ group, message, allowTypeImports: true }] },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'test-results',
      'playwright-report',
      'src/engine/manifest/schema/*.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        ['**/worker/*', '**/engine/*', '**/engine/**', '**/cli/**'],
        'ui imports state, i18n and ui/kit (engine types only).',
      ),
    },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: restrict(
      ['**/ui/**', '**/engine/**', '**/cli/**'],
      'state imports the worker client, share and i18n (engine types only).',
    ),
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: restrict(['**/ui/**', '**/state/**', '**/cli/**'], 'worker imports the engine and share only.'),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict(['**/ui/**', '**/state/**', '**/worker/**'], 'cli imports the engine and share only.'),
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      ...restrict(
        [
          '**/ui/**',
          '**/state/**',
          '**/worker/**',
          '**/cli/**',
          'node:*',
          'react',
          'react-dom',
          'zustand',
          '@xyflow/*',
          'monaco-editor',
          'monaco-yaml',
        ],
        'the engine is pure TypeScript: it imports nothing above it and no DOM, React or Node modules.',
      ),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'fetch',
        'setTimeout',
        'setInterval',
        'localStorage',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'inject the seeded rng' },
        { object: 'Date', property: 'now', message: 'inject the clock' },
      ],
    },
  },
);
