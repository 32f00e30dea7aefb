// Lint rules: the recommended sets, the regular-expression checks, a few type-aware rules, and a
// fence that keeps the engine free of Discord.
import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'coverage/**', 'var/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // A regular expression that backtracks super-linearly lets one uploaded file stall the bot
  // (issue 10: '/(.{5,})ors?$/' made indexing quadratic), so the whole recommended set is on.
  regexp.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // Type-aware rules, chosen one by one rather than the whole recommendedTypeChecked set: that
    // set's no-unsafe-* rules flag every use of parsed JSON in tests (about 300 sites) without
    // finding bugs, while an unhandled or misplaced promise in a bot is a silent failure.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Indexing runs these over whole uploaded files, so a regular expression that is linear per
    // attempt but retried at every position (super-linear move: '/(.{5,})ors?$/' on one long word)
    // is as bad as backtracking. Answering runs over one question and the sentences it picks.
    files: ['src/article/**/*.ts', 'src/extract/**/*.ts', 'src/search/**/*.ts', 'src/text/**/*.ts', 'src/store/**/*.ts'],
    rules: { 'regexp/no-super-linear-move': 'error' },
  },
  {
    // src/ is the engine: article text in, answers out. It must not know Discord exists.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['discord.js', '@discordjs/*', '../bot/*', '../commands/*', '../cli/*'] }],
    },
  },
);
