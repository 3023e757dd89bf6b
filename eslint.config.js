// Type-aware lint. The import zones keep the three rooms apart: the PWA (src/app) and the
// server (src/server) never import each other; only src/app/offline/ may touch IndexedDB.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// Repeated in every src/app block that sets no-restricted-imports: a later block's setting replaces
// an earlier one for the same files, it does not add to it.
const DEXIE = {
  name: 'dexie',
  message: 'Only src/app/offline/ talks to IndexedDB: use its hooks and functions.',
};
const SERVER = {
  group: ['**/server/**', '**/src/server/*'],
  message: 'The PWA never imports server code: share through src/shared.',
};
const GLOBAL_FETCH =
  'One HTTP client per app: call the server through src/app/connection (respondent) or src/app/staff/api (staff), or use the fetch you are handed.';
/**
 * no-restricted-imports for a src/app block: dexie and the server stay out, plus this block's zones.
 * @param {...{ group?: string[]; regex?: string; message: string }} patterns
 */
const appImports = (...patterns) => ['error', { paths: [DEXIE], patterns: [SERVER, ...patterns] }];
const STAFF_FROM_RESPONDENT = {
  group: ['**/staff/**'],
  message: 'The respondent side never imports the staff app: it is one lazy chunk (App.tsx).',
};

export default tseslint.config(
  { ignores: ['dist/', 'dist-server/', 'dev-dist/', 'data/', 'node_modules/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '.ci/*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': appImports(),
    },
  },
  // The staff app (src/app/staff, see its README): a staff feature, and the kit it builds on (api/,
  // session/, ui/), imports only staff/ui, staff/api, staff/session, src/app/ui, src/app/i18n and
  // src/shared; never another staff feature, the shell, or the respondent's side. Only the shell
  // (the routes entry) imports the features, to mount them. These blocks replace the src/app
  // entry for the same files, so each starts from appImports().
  {
    files: ['src/app/staff/*/**/*.{ts,tsx}'],
    ignores: ['src/app/staff/shell/**'],
    rules: {
      'no-restricted-imports': appImports(
        {
          regex: '^\\.\\./(?!ui/|api/|session/)[^./][^/]*/',
          message:
            'A staff feature imports only staff/ui, staff/api and staff/session: never another feature or the shell (src/app/staff/README.md).',
        },
        {
          regex: '^\\.\\./\\.\\./(?!ui/|i18n/|\\.\\./shared/)',
          message:
            'The staff app uses src/app/ui, src/app/i18n and src/shared only: never the respondent features or offline/.',
        },
      ),
    },
  },
  {
    files: ['src/app/staff/shell/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': appImports({
        regex: '^\\.\\./\\.\\./(?!ui/|i18n/|\\.\\./shared/)',
        message:
          'The staff shell mounts staff features; it never imports the respondent features or offline/.',
      }),
    },
  },
  // The respondent's side (src/app/features/README.md): a feature (factors, kiosk, survey) never
  // imports another; what two features share moves down into src/app/ui, and App.tsx joins them.
  // src/app/ui never imports a feature. Neither imports the staff app. These blocks replace the
  // src/app entry for the same files, so each starts from appImports().
  {
    files: ['src/app/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': appImports(STAFF_FROM_RESPONDENT, {
        regex: '^\\.\\./[^./][^/]*/|/features/',
        message:
          'Features never import each other: move what both need into src/app/ui, or wire it in App.tsx (src/app/features/README.md).',
      }),
    },
  },
  {
    files: ['src/app/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': appImports(STAFF_FROM_RESPONDENT, {
        group: ['**/features/**'],
        message: 'src/app/ui never imports a feature (src/app/ui/README.md).',
      }),
    },
  },
  // One HTTP client per app: only src/app/connection (the respondent's) and src/app/staff/api (the
  // staff's) call the browser's fetch. Everything else is handed a fetch (fetchImpl, deps.fetch,
  // apiFetch): a parameter or property of that name is not the global and stays allowed.
  {
    files: ['src/app/**/*.{ts,tsx}'],
    ignores: ['src/app/connection/**', 'src/app/staff/api/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: GLOBAL_FETCH }],
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].map((object) => ({
          object,
          property: 'fetch',
          message: GLOBAL_FETCH,
        })),
      ],
    },
  },
  {
    files: ['src/app/**/*.tsx'],
    plugins: { i18next },
    rules: { 'i18next/no-literal-string': ['error', { mode: 'jsx-text-only' }] },
  },
  {
    files: ['src/app/offline/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**'], message: 'The PWA never imports server code.' }] },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'IndexedDB belongs to the PWA.' }],
          patterns: [
            {
              group: ['**/app/**', 'react', 'react-dom'],
              message: 'The server never imports PWA code: share through src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'src/shared is isomorphic.' }],
          patterns: [
            {
              group: ['**/app/**', '**/server/**', 'react', 'fastify', 'kysely'],
              message: 'src/shared holds isomorphic contracts only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only']",
          message: '.only would silently skip the rest of the suite.',
        },
        {
          selector: "CallExpression[callee.property.name='skip']",
          message:
            'Do not leave skipped tests behind; skip whole suites only through skipIf with a printed reason.',
        },
      ],
    },
  },
  prettier,
);
