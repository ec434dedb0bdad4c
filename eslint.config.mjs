import nx from '@nx/eslint-plugin';

/**
 * One lint configuration for the workspace. The module-boundary rule keeps the rooms apart:
 * the API and the console never import each other, shared libraries import only shared
 * libraries and no framework, database or transport package, and pure utilities (sla, standards,
 * mail-threading) import no data or feature code. The API's libraries (libs/api/*) are layered:
 * core (config, clock, common, database, observability, audit) <- org (identity, offices,
 * calendars, opds, catalog, sla, canned responses) <- work (outbox, webhooks, tickets,
 * attachments, complaints, survey) <- channel (mail, portal, public, setup) <- insight (dashboards, reports,
 * demo history) <- ops (health, backups); a library imports only its own layer and those below,
 * and Nx refuses any cycle between libraries.
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.angular', '**/tmp', '**/coverage', 'data/**'],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            {
              sourceTag: 'layer:core',
              onlyDependOnLibsWithTags: ['layer:core', 'scope:shared'],
            },
            {
              sourceTag: 'layer:org',
              onlyDependOnLibsWithTags: ['layer:core', 'layer:org', 'scope:shared'],
            },
            {
              sourceTag: 'layer:work',
              onlyDependOnLibsWithTags: ['layer:core', 'layer:org', 'layer:work', 'scope:shared'],
            },
            {
              sourceTag: 'layer:channel',
              onlyDependOnLibsWithTags: [
                'layer:core',
                'layer:org',
                'layer:work',
                'layer:channel',
                'scope:shared',
              ],
            },
            {
              sourceTag: 'layer:insight',
              onlyDependOnLibsWithTags: [
                'layer:core',
                'layer:org',
                'layer:work',
                'layer:channel',
                'layer:insight',
                'scope:shared',
              ],
            },
            {
              sourceTag: 'layer:ops',
              onlyDependOnLibsWithTags: [
                'layer:core',
                'layer:org',
                'layer:work',
                'layer:channel',
                'layer:insight',
                'layer:ops',
                'scope:shared',
              ],
            },
            {
              sourceTag: 'scope:console',
              onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'],
            },
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              // Shared libraries stay free of frameworks, databases and transports by rule.
              bannedExternalImports: [
                '@nestjs/*',
                '@angular/*',
                'typeorm',
                'typeorm/*',
                'mysql2',
                'mysql2/*',
                'better-sqlite3',
                'nodemailer',
                'imapflow',
                'express',
                'rxjs',
              ],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util'],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:data', 'type:util'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util'],
            },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'tools/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
