/**
 * Jest project for the Taro client: components render in jsdom, with small stand-ins for
 * @tarojs/components (plain DOM elements) and @tarojs/taro (jest.fn APIs, in-memory storage).
 * The root jest.config.js includes this object in its `projects`.
 */
const path = require('node:path');

const rootDir = path.resolve(__dirname, '../..');

module.exports = {
  displayName: 'client',
  rootDir,
  testMatch: ['<rootDir>/test/client/**/*.test.{ts,tsx}'],
  testEnvironment: 'jsdom',
  transform: {
    '^.+\\.(ts|tsx|js|jsx)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json'],
  moduleNameMapper: {
    '^@tarojs/components$': '<rootDir>/test/client/stubs/taro-components.tsx',
    '^@tarojs/taro$': '<rootDir>/test/client/stubs/taro.ts',
    '\\.(css|scss|sass|less)$': 'identity-obj-proxy',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/test/client/stubs/file.js',
  },
  setupFiles: ['<rootDir>/test/client/setup-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/client/setup-tests.ts'],
};
