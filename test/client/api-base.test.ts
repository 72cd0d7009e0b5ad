import { ApiBaseError, resolveApiBase } from '../../client/config/api-base';

/** The API address the build injects (client/config/api-base.ts); the real refused build is in test/e2e/weapp-build.e2e.test.ts. */
describe('the API base URL of a client build', () => {
  it('keeps the empty default (same origin) for H5', () => {
    expect(resolveApiBase('h5', undefined)).toBe('');
    expect(resolveApiBase('h5', '')).toBe('');
    expect(resolveApiBase('h5', 'https://api.example.cn')).toBe('https://api.example.cn');
  });

  it('takes the https address of the deployed API for weapp, without a trailing slash', () => {
    expect(resolveApiBase('weapp', 'https://api.example.cn')).toBe('https://api.example.cn');
    expect(resolveApiBase('weapp', ' https://abc.execute-api.cn-northwest-1.amazonaws.com.cn/prod/ ')).toBe(
      'https://abc.execute-api.cn-northwest-1.amazonaws.com.cn/prod',
    );
  });

  it('refuses a weapp build without an API address, saying what to set', () => {
    for (const missing of [undefined, '', '   ']) {
      expect(() => resolveApiBase('weapp', missing)).toThrow(ApiBaseError);
      expect(() => resolveApiBase('weapp', missing)).toThrow(/API_BASE_URL is required for the mini program \(weapp\) build/);
    }
  });

  it('refuses a weapp build against an address that is not https', () => {
    for (const bad of ['http://api.example.cn', 'api.example.cn', '/api', 'ftp://api.example.cn', 'https://']) {
      expect(() => resolveApiBase('weapp', bad)).toThrow(/API_BASE_URL must be an https:\/\/ address/);
    }
  });
});
