/**
 * Jest project for the end-to-end journey: starts the stack the way `npm start` does and drives
 * the built H5 app in headless Debian Chromium. The root jest.config.js includes this object.
 */
const path = require('node:path');

const rootDir = path.resolve(__dirname, '../..');

module.exports = {
  displayName: 'e2e',
  rootDir,
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The H5 app is built once here; each file's stack serves that build (support/build-h5.ts).
  globalSetup: '<rootDir>/test/e2e/support/build-h5.ts',
  // Starting DynamoDB Local and building the H5 app take a while on 2 cores.
  testTimeout: 240_000,
};
