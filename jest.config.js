/**
 * One jest run, six projects:
 *   unit         pure domain, use cases with fakes, validators (fast)
 *   integration  the real Express app (supertest) and the real Lambda handler against DynamoDB Local,
 *                plus `serverless package` and its artifacts
 *   client       Taro components in jsdom with stand-ins for @tarojs/*
 *   e2e          the stack as `npm start` runs it, in headless Chromium
 *   weapp        the compiled mini program in WeChat's exparser (miniprogram-simulate), against that stack
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const fs = require('node:fs');
const path = require('node:path');

const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

const node = (name, extra = {}) => ({
  displayName: name,
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  ...extra,
});

const optional = (file) => (fs.existsSync(path.join(__dirname, file)) ? [require(path.join(__dirname, file))] : []);

module.exports = {
  // A run-wide default: jest reads testTimeout from the root config only (the projects' own are
  // ignored), and a loaded 2-core machine can take more than 5 s for the longer walks.
  testTimeout: 30000,
  // The privacy sweep runs last and waits for every other file (test/support/privacy-run.ts).
  testSequencer: '<rootDir>/test/support/sequencer.js',
  reporters: ['default', '<rootDir>/test/support/run-reporter.js'],
  projects: [
    node('unit', { testMatch: ['<rootDir>/test/unit/**/*.test.ts'] }),
    node('integration', {
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/package/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/test-env.ts'],
      testTimeout: 30000,
    }),
    ...optional('test/client/jest.project.js'),
    ...optional('test/e2e/jest.project.js'),
    ...optional('test/weapp/jest.project.js'),
  ],
};
