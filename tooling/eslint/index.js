// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The Sarnakh ESLint flat config. It uses the `recommended` rules only, not the type-checked variants:
 * those need the TypeScript program and are too slow for CI on two cores.
 *
 * @type {import('typescript-eslint').ConfigArray}
 */
const config = [
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/.sarnakh/**', '**/coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: 'sarnakh/rules',
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-console': 'off',
    },
  },
];

export default config;
