import angular from 'angular-eslint';
import root from '../../eslint.config.mjs';

const forFiles = (files, configs) => configs.map((config) => ({ ...config, files }));

/** The workspace rules plus Angular's: component selectors, OnPush, accessible templates. */
export default [
  ...root,
  ...forFiles(['**/*.ts'], angular.configs.tsRecommended),
  {
    files: ['**/*.ts'],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'sg', style: 'kebab-case' },
      ],
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'sg', style: 'camelCase' },
      ],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@angular-eslint/prefer-standalone': 'error',
    },
  },
  // This file extends the workspace configuration by path; that is not a project import.
  { files: ['**/eslint.config.mjs'], rules: { '@nx/enforce-module-boundaries': 'off' } },
  ...forFiles(
    ['**/*.html'],
    [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
  ),
];
