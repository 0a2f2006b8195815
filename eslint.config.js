// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

/** Node built-ins under both spellings (`fs` and `node:fs`): the renderer and the pure core may use none. */
const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

const noElectron = {
  name: 'electron',
  message:
    'Only src-main/shell/ may import electron (see DESIGN.md: Electron code is only the shell).',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'build/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'native-models/**',
      'resources/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'bin/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The shell is the only place that talks to Electron.
    files: ['src-main/shell/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The renderer runs in a sandboxed page: no Node, no station internals, only the typed API.
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The renderer never imports Node built-ins.',
            })),
          ],
          patterns: [
            {
              group: ['**/src-main/**', '**/src-central/**'],
              message:
                'The renderer talks to the station only through the typed API in src-shared/api.',
            },
          ],
        },
      ],
    },
  },
  {
    // The shared core is pure: values in, values out; it runs in the renderer, the station and head office.
    files: ['src-shared/**'],
    ignores: ['src-shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'src-shared is pure: no I/O, no Node built-ins.',
            })),
          ],
          patterns: [
            {
              group: ['**/src-main/**', '**/src-renderer/**', '**/src-central/**'],
              message: 'src-shared depends on nothing above it.',
            },
          ],
        },
      ],
    },
  },
);
