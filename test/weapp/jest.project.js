/**
 * Jest project for the compiled mini program: the pages of `client/dist/weapp`, as Taro built them
 * for WeChat, run in WeChat's component framework (exparser, through miniprogram-simulate and
 * j-component) inside jsdom, against the real API on DynamoDB Local. See support/mini-program.ts.
 * The root jest.config.js includes this object.
 */
const path = require('node:path');

const rootDir = path.resolve(__dirname, '../..');

module.exports = {
  displayName: 'weapp',
  rootDir,
  testMatch: ['<rootDir>/test/weapp/**/*.weapp.test.ts'],
  testEnvironment: 'node',
  // Only the tests' TypeScript is transformed: the built mini program is loaded as it ships.
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Builds client/dist/weapp unless the e2e project's setup already did in this run.
  globalSetup: '<rootDir>/test/weapp/support/global-setup.ts',
};
