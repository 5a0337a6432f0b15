// Flat ESLint config: type-aware typescript-eslint everywhere, React hooks rules for the UI,
// and the layer boundaries from docs/ARCHITECTURE.md (shared/ is pure; only the shell imports electron;
// the hosts reach the core only through openCore's call: allow-lists, so a new file is closed to them).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream'];

/** The hosts: adapters over openCore (the desktop shell and its preload, `pals serve`, the `pals` command line). */
const HOSTS = ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**/*.ts', 'electron/cli/**/*.ts', 'electron/serve/**/*.ts'];

/** The only core files a host may import (paths under electron/core/): the entrance, two helpers, lib/ (flat). */
const HOST_CORE = ['open-core.js', 'paths.js', 'today.js', 'lib/[^/]+\\.js'];

/** The parts the bench measures directly, besides what every host may import. */
const BENCH_CORE = [
  'store/store.js',
  'store/seal.js',
  'github/client.js',
  'github/sync.js',
  'github/discover.js',
  'export/pdf.js',
  'export/render-deck.js',
];

/**
 * shared/ files whose values a host may import (types from any shared file are fine): the contract
 * and its names, errors, and read-only words for parsing and printing. The operations that change a
 * document (engagements, notes, move, outbox, sync…) and the view builders are not on it.
 */
const HOST_SHARED_VALUES = [
  'api-client.js',
  'api-names.js',
  'app-commands.js',
  'attention.js',
  'dates.js',
  'deck/formats.js',
  'deck/sections.js',
  'errors.js',
  'github/assignees.js',
  'github/conflict.js',
  'github/report.js',
  'inputs.js',
  'intake/security-status.js',
  'issue-ref.js',
  'learnings.js',
  'pals.js',
  'phases.js',
  'round-ref.js',
  'schema.js',
  'windows.js',
];

const HOST_CORE_MESSAGE =
  'A host reaches the core only through electron/core/open-core.ts (call/dispatch and the types it names), paths.ts, today.ts and core/lib/; move a helper hosts need into core/lib/.';
const HOST_SHARED_MESSAGE =
  'A host imports values only from the shared/ files listed in HOST_SHARED_VALUES (eslint.config.js); a change to the data goes through core.call.';

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex for a relative module path into `dir` (core/, shared/) that is none of `allowed` (plain paths, or regex sources). */
function anyBut(dir, allowed) {
  const names = allowed.map((a) => (a.includes('\\') ? a : escapeRegex(a)));
  return `^\\.\\.?/(.*/)?${escapeRegex(dir)}(?!(${names.join('|')})$)`;
}

/** The same walls for `import('…')`, which no-restricted-imports does not see; a computed import cannot be checked, so none is allowed. */
function dynamicImportWall(core, sharedValues) {
  const slash = (regex) => regex.replaceAll('/', '\\x2F');
  const walls = [
    { selector: `ImportExpression[source.value=/${slash(anyBut('core/', core))}/]`, message: HOST_CORE_MESSAGE },
    {
      selector: "ImportExpression:not([source.type='Literal'])",
      message: 'A host imports modules by name only, so the walls can be checked.',
    },
  ];
  if (sharedValues)
    walls.push({ selector: `ImportExpression[source.value=/${slash(anyBut('shared/', sharedValues))}/]`, message: HOST_SHARED_MESSAGE });
  return walls;
}

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
    // The hosts are adapters: they reach the core through openCore's `call`/`dispatch`, and name only
    // what the entrance names. Allow-lists, so a new file in core/ or shared/ is closed to them by default.
    files: HOSTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: anyBut('core/', HOST_CORE), message: HOST_CORE_MESSAGE },
            { regex: anyBut('shared/', HOST_SHARED_VALUES), allowTypeImports: true, message: HOST_SHARED_MESSAGE },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...dynamicImportWall(HOST_CORE, HOST_SHARED_VALUES)],
    },
  },
  {
    // The bench is a host that measures the parts themselves (the store's load and save, the sync
    // against a fake GitHub, deck rendering and PDF): it may reach those, and nothing else in core/.
    files: ['bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: anyBut('core/', [...HOST_CORE, ...BENCH_CORE]),
              message: 'The bench reaches the core through openCore, lib/ and the parts it measures (BENCH_CORE in eslint.config.js).',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...dynamicImportWall([...HOST_CORE, ...BENCH_CORE], null)],
    },
  },
  {
    // core/lib/ is what hosts may borrow: it must not become a tunnel to the rest of the core.
    files: ['electron/core/lib/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./\\.\\./shared/)',
              message: 'core/lib/ imports only core/lib/, shared/ and packages, types included: it depends on nothing else of the core.',
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
