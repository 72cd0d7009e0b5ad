import { ConfigError, parseConfig } from '../../../functions/shared/config/config';

const SECRETS = {
  JWT_SECRET: 'j'.repeat(40),
  ID_HASH_PEPPER: 'p'.repeat(40),
  PASS_SECRET: 's'.repeat(40),
  WECHAT_APP_ID: 'wx1',
  WECHAT_APP_SECRET: 'secret',
  REPORT_SIGNING_KEY: 'A'.repeat(43),
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
});
