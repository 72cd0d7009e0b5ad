import { ConfigError, parseConfig } from '../../../functions/shared/config/config';

const SECRETS = {
  JWT_SECRET: 'j'.repeat(40),
  ID_HASH_PEPPER: 'p'.repeat(40),
  PASS_SECRET: 's'.repeat(40),
  WECHAT_APP_ID: 'wx1',
  WECHAT_APP_SECRET: 'secret',
  REPORT_SIGNING_KEY: 'A'.repeat(43),
  TENCENT_SECRET_ID: 'AKIDexample',
  TENCENT_SECRET_KEY: 'tencent-secret-key',
};

describe('configuration', () => {
  it('gives the local stage working development defaults', () => {
    const c = parseConfig({ STAGE: 'local' });
    expect(c.isLocalStage).toBe(true);
    expect(c.tableName).toBe('cxgc-local');
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('fails loudly when a secret is missing outside local and test, naming every missing one', () => {
    expect(() => parseConfig({ STAGE: 'prod' })).toThrow(ConfigError);
    expect(() => parseConfig({ STAGE: 'prod' })).toThrow(/JWT_SECRET.*ID_HASH_PEPPER.*PASS_SECRET/s);
    expect(() => parseConfig({ STAGE: 'prod', ...SECRETS, JWT_SECRET: undefined })).toThrow(/JWT_SECRET/);
  });

  it('accepts a production configuration with every secret', () => {
    const c = parseConfig({ STAGE: 'prod', ...SECRETS });
    expect(c.isLocalStage).toBe(false);
    expect(c.jwtAudience).toBe('cxgc-app-prod');
  });

  it.each([
    [{ JWT_SECRET: 'short' }, /JWT_SECRET/],
    [{ DYNAMODB_ENDPOINT: 'not a url' }, /DYNAMODB_ENDPOINT/],
    [{ STAGE: 'Prod!' }, /STAGE/],
    [{ JWT_TTL_SECONDS: '5' }, /JWT_TTL_SECONDS/],
  ])('refuses the invalid setting %j', (env, message) => {
    expect(() => parseConfig({ STAGE: 'local', ...env })).toThrow(message);
  });

  describe('identity verification (二要素核验)', () => {
    it('uses the built-in stand-in in local and test, with no Tencent secrets needed', () => {
      expect(parseConfig({ STAGE: 'local' }).identity).toEqual({ service: 'standin' });
      expect(parseConfig({ STAGE: 'test' }).identity).toEqual({ service: 'standin' });
    });

    it('uses Tencent Cloud FaceID in any other stage, with its defaults', () => {
      expect(parseConfig({ STAGE: 'prod', ...SECRETS }).identity).toEqual({
        service: 'tencent',
        secretId: 'AKIDexample',
        secretKey: 'tencent-secret-key',
        region: 'ap-guangzhou',
        protocol: 'https:',
        host: 'faceid.tencentcloudapi.com',
        timeoutMs: 3000,
      });
    });

    it('never lets a non-local stage run on the stand-in', () => {
      expect(() => parseConfig({ STAGE: 'prod', ...SECRETS, IDENTITY_SERVICE: 'standin' })).toThrow(/IDENTITY_SERVICE=standin.*local.*test/);
      expect(() => parseConfig({ STAGE: 'staging', ...SECRETS, IDENTITY_SERVICE: 'standin' })).toThrow(ConfigError);
    });

    it('names the missing Tencent secrets', () => {
      expect(() => parseConfig({ STAGE: 'prod', ...SECRETS, TENCENT_SECRET_ID: undefined, TENCENT_SECRET_KEY: undefined })).toThrow(/TENCENT_SECRET_ID.*TENCENT_SECRET_KEY/s);
      // Choosing Tencent locally needs real secrets too: there are no development defaults for them.
      expect(() => parseConfig({ STAGE: 'local', IDENTITY_SERVICE: 'tencent' })).toThrow(/TENCENT_SECRET_ID/);
    });

    it('takes the region, endpoint and timeout from the environment', () => {
      const c = parseConfig({
        STAGE: 'prod',
        ...SECRETS,
        TENCENT_FACEID_REGION: 'ap-shanghai',
        TENCENT_FACEID_ENDPOINT: 'https://faceid.ap-shanghai.tencentcloudapi.com',
        TENCENT_FACEID_TIMEOUT_MS: '1500',
      });
      expect(c.identity).toMatchObject({ region: 'ap-shanghai', protocol: 'https:', host: 'faceid.ap-shanghai.tencentcloudapi.com', timeoutMs: 1500 });
      expect(parseConfig({ STAGE: 'test', IDENTITY_SERVICE: 'tencent', ...SECRETS, TENCENT_FACEID_ENDPOINT: 'http://127.0.0.1:4567' }).identity).toMatchObject({
        protocol: 'http:',
        host: '127.0.0.1:4567',
      });
    });

    it.each([
      ['http://faceid.tencentcloudapi.com', /http is allowed only for 127.0.0.1/],
      ['http://localhost:4567', /http is allowed only for 127.0.0.1/],
      ['https://faceid.tencentcloudapi.com/path', /without path/],
      ['https://user:pw@faceid.tencentcloudapi.com', /without path, query or credentials/],
      ['ftp://faceid.tencentcloudapi.com', /https only/],
      ['cvm.tencentcloudapi.com', /must start with "faceid\."/],
      ['https://evil.example.com', /must start with "faceid\."/],
    ])('refuses the endpoint %s', (endpoint, message) => {
      expect(() => parseConfig({ STAGE: 'prod', ...SECRETS, TENCENT_FACEID_ENDPOINT: endpoint })).toThrow(message);
    });

    it.each([
      [{ IDENTITY_SERVICE: 'aliyun' }, /IDENTITY_SERVICE/],
      [{ TENCENT_FACEID_REGION: 'Guangzhou' }, /TENCENT_FACEID_REGION/],
      [{ TENCENT_FACEID_TIMEOUT_MS: '60000' }, /TENCENT_FACEID_TIMEOUT_MS/],
    ])('refuses the invalid setting %j', (env, message) => {
      expect(() => parseConfig({ STAGE: 'prod', ...SECRETS, ...env })).toThrow(message);
    });
  });
});
