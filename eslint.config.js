import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries of architecture.md: content and popup never import background code, only the
// background imports Dexie, and core stays pure (no DOM, no extension API, no Dexie).
const noBackground = {
  regex: '(^|/)background(/|$)',
  message: 'Only the background may import background code; talk to it through messages.',
};
const noDexie = { group: ['dexie', 'dexie/*'], message: 'Only the background owns the database.' };
const noExtensionApi = {
  group: ['webextension-polyfill'],
  message: 'core/ is pure: no extension API.',
};
const noUiFromCore = {
  regex: '(^|/)(content|popup|shared)(/|$)',
  message: 'core/ depends on nothing but itself.',
};

export default tseslint.config(
  { ignores: ['dist/', 'dist-firefox/', 'node_modules/', 'artifacts/', 'tests/e2e/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/content/**', 'src/popup/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noBackground, noDexie] }] },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noBackground, noDexie, noExtensionApi, noUiFromCore] },
      ],
      // The DOM is not there in core; these globals would tie it to a runtime.
      'no-restricted-globals': [
        'error',
        'document',
        'window',
        'chrome',
        'browser',
        'navigator',
        'indexedDB',
      ],
    },
  },
);
