// ESLint configuration for the sample front end (used by ../regenerate.sh, which copies it next to the ESLint
// installation so that its imports resolve there).
import js from '@eslint/js';
import globals from 'globals';
import security from 'eslint-plugin-security';
import nounsanitized from 'eslint-plugin-no-unsanitized';

export default [
  js.configs.recommended,
  security.configs.recommended,
  nounsanitized.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'commonjs',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'no-eval': 'error',
    },
  },
];
