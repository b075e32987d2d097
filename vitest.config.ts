import { defineConfig } from 'vitest/config';

/**
 * Two projects (`npm test` runs both):
 * - `unit`: the core, the oracle, the reporters and the CLI's `main(argv, io)` in-process (most
 *   test/cli-*.test.ts, through test/helpers/run-main.ts); no build, browser, packing or validator
 *   (`npm run test:unit`);
 * - `e2e`: the built CLI (worker threads, signals, another user, `npm run demo`), the packed
 *   tarball, Chromium, the SARIF validator, the other Node version, real ESLint installs,
 *   pre-commit and the action's scripts, and the generated-program property suite.
 */
const E2E = [
  'test/cli-built-process.test.ts',
  'test/cli-demo.test.ts',
  'test/cli-hostile-input.test.ts',
  'test/cli-migrate-kill.test.ts',
  'test/cli-workers.test.ts',
  'test/eslint-plugin-package.test.ts',
  'test/github-action.test.ts',
  'test/pre-commit-hook.test.ts',
  'test/package.test.ts',
  'test/node-versions.test.ts',
  'test/report-cli.test.ts',
  'test/report-html*.test.ts',
  'test/sarif-validator.test.ts',
  'test/fuzz/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E } },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
