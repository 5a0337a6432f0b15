// Flat ESLint config: type-aware typescript-eslint everywhere, React hooks rules for the UI,
// and the layer boundaries from docs/ARCHITECTURE.md (shared/ is pure; only the shell imports electron;
// the hosts reach the core only through openCore's call).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'electron/bin/*.js', 'test/fixtures/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'lowdb', 'lowdb/*', '@octokit/*'],
              message: 'shared/ is pure domain code: no I/O, Node, Electron or React.',
            },
            { group: ['../electron/*', '../renderer/*'], message: 'shared/ depends on nothing else in the project.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only the Electron shell (main, preload) imports electron; keep the core plain Node.' }] },
      ],
    },
  },
  {
    // The hosts are adapters: they reach the core through openCore's `call`/`dispatch`, never a
    // handler, the store or a domain operation directly (types may still be named).
    files: ['electron/main.ts', 'electron/shell/**/*.ts', 'electron/cli/**/*.ts', 'electron/serve/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/core/store/store.js',
                '**/core/handlers.js',
                '**/core/host-handlers.js',
                '**/core/export-handlers.js',
                '**/core/dispatch.js',
                '**/core/github/handlers.js',
                '**/core/github/sync.js',
                '**/core/github/client.js',
                '**/shared/engagements.js',
                '**/shared/notes.js',
                '**/shared/github/outbox.js',
                '**/shared/github/sync.js',
              ],
              allowTypeImports: true,
              message: 'A host reaches the core only through openCore (electron/core/open-core.ts): call(name, args).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', '../electron/*'],
              message: 'The renderer talks to the core only through the API contract.',
            },
          ],
        },
      ],
    },
  },
  {
    // Asymmetric matchers (expect.any, expect.stringMatching) are typed `any` by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
