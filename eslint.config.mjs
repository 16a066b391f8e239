// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

const NODE_ONLY = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'worker_threads', 'node:worker_threads', 'child_process', 'node:child_process', 'os', 'node:os', 'workerpool'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'examples/**', 'test/fixtures/**', '.vscode-test/**', 'src/core/knowledge/validators.generated.ts'] },
  js.configs.recommended,
  // Type-checked: promises left floating or handed where none is awaited, `await` on what is no promise, and the rest of the recommended set.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly' },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-namespace': 'off', // `type X` with a same-named namespace of helpers
      '@typescript-eslint/no-floating-promises': ['error', {
        // node:test's suites and tests return promises the runner itself awaits.
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }],
      }],
    },
  },
  {
    // The build scripts and this file are plain JavaScript outside the TypeScript project.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Every byte of the workspace is untrusted: no regex of ours may backtrack without bound over it
    // (the workspace's own patterns go through src/core/workspacePatterns.ts, in linear time).
    files: ['src/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    // The core runs on plain Node, in workers and (later) in a browser: no editor, no disk, no threads.
    // The protocol module is imported by the server and by every client, the extension's included.
    files: ['src/core/**/*.ts', 'src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'The core never imports vscode: render in src/extension.' },
          ...NODE_ONLY.map((name) => ({ name, message: 'The core reaches files and threads through src/core/host.ts, which src/node implements.' })),
        ],
      }],
    },
  },
  {
    // The CLI and the Node host share the core; only src/extension may speak to the editor.
    files: ['src/cli/**/*.ts', 'src/node/**/*.ts', 'src/server/**/*.ts', 'test/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/extension imports vscode.' }] }],
    },
  },
);
