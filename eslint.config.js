// Lints the shipped code: src/ (model, layout, sync, render, hosts, simulator,
// CLI) and ui/ (the Preact panels and the playground), with type information
// from tsconfig.json. Tests and the bench are left out: tsc -p tsconfig.json
// type-checks them and vitest runs them.
import js from '@eslint/js';
import figmaPlugins from '@figma/eslint-plugin-figma-plugins';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const SOURCE_FILES = ['src/**/*.ts', 'ui/**/*.ts', 'ui/**/*.tsx'];

export default defineConfig(
  globalIgnores([
    // Build output, installed packages and test artifacts (screenshots, reports).
    'dist/',
    'node_modules/',
    'test-results/',
    // Outside the lint scope: tests and the bench (type-checked by tsc), and
    // the plain Node scripts of the build.
    'test/',
    'scripts/',
    'bench/',
    'build.mjs',
    'vitest.config.ts',
    'eslint.config.js',
  ]),
  {
    name: 'cjm-board/typescript',
    files: SOURCE_FILES,
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // Stays on: every promise is awaited, returned, or explicitly dropped
      // with `void promise` (the project's way to fire and forget, which this
      // rule accepts by default).
      '@typescript-eslint/no-floating-promises': 'error',
      // Tuned to TypeScript's own notion of a deliberately unused name (tsc
      // accepts both): a field left out of a copy by destructuring
      // (`const { persona: _previous, ...rest } = card`, the project's way to
      // drop an optional field rather than set it to undefined), and a
      // parameter whose name starts with `_` (a no-op base method's parameter
      // that its overrides use). Every other unused name is still an error.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
    },
  },
  {
    // Figma's rules look at the types of receivers (PluginAPI, DocumentNode,
    // SceneNode …), so they only report on code that touches the Plugin API:
    // the FigJam host and the simulator's fake `figma` that stands in for it.
    name: 'cjm-board/figma-plugin',
    files: ['src/hosts/figjam/**/*.ts', 'src/simulator/**/*.ts'],
    extends: [figmaPlugins.flatConfigs.recommended],
  },
);
