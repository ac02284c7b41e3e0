// Lint rules. The determinism rules for engine/ and models/ are the point of this file:
// a model must draw every random number from a named stream and never read the clock or the disk.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'results', 'dist', 'coverage', 'src/web/vendor'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/models/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Draw from a named stream (engine/random-streams) instead.' },
        { object: 'Date', property: 'now', message: 'Models never read the clock.' },
        { object: 'performance', property: 'now', message: 'Models never read the clock.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fastify'],
          patterns: ['**/scenario/**', '**/experiment/**', '**/cli/**', '**/server/**', '**/results/**'],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The web view: plain ES modules run by the browser, not by Node.
    files: ['src/web/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        ['window', 'document', 'location', 'fetch', 'URLSearchParams', 'Node', 'atob', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'console', 'Intl'].map((name) => [name, 'readonly']),
      ),
    },
  },
);
