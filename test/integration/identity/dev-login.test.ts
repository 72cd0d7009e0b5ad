import request from 'supertest';
import { DEMO_USER_IDS } from '../../../functions/identity/demo-identities';
import { testApp, type TestApp } from '../../support/test-app';

const SECRETS = {
  JWT_SECRET: 'x'.repeat(40),
  ID_HASH_PEPPER: 'y'.repeat(40),
  PASS_SECRET: 'z'.repeat(40),
  WECHAT_APP_ID: 'wx-prod',
  WECHAT_APP_SECRET: 'prod-secret',
  REPORT_SIGNING_KEY: 'B'.repeat(43),
  TENCENT_SECRET_ID: 'AKIDprod',
  TENCENT_SECRET_KEY: 'prod-tencent-key',
};

describe('POST /api/auth/dev-login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });

  it.each(DEMO_USER_IDS.map((id) => [id]))('signs in the demo identity %s', async (userId) => {
    const res = await request(t.app).post('/api/auth/dev-login').send({ userId });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(userId);
    const me = await request(t.app).get('/api/me').set('authorization', `Bearer ${res.body.token}`);
    expect(me.status).toBe(200);
    expect(me.body.user.roles).toEqual(res.body.user.roles);
  });

  it('refuses an id that is not a demo identity', async () => {
    const res = await request(t.app).post('/api/auth/dev-login').send({ userId: 'u-someone' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details[0].field).toBe('userId');
  });

  it.each(['dev', 'prod', 'staging'])('does not exist in stage %s (404)', async (stage) => {
    const other = await testApp({ STAGE: stage, ...SECRETS });
    const res = await request(other.app).post('/api/auth/dev-login').send({ userId: 'admin' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('GET /api/me', () => {
  it('gives a merchant its organisation', async () => {
    const t = await testApp();
    const login = await request(t.app).post('/api/auth/dev-login').send({ userId: 'mer-museum' });
    const me = await request(t.app).get('/api/me').set('authorization', `Bearer ${login.body.token}`);
    expect(me.body.user).toMatchObject({
      id: 'mer-museum',
      roles: ['merchant'],
      orgId: 'org-museum',
      org: { id: 'org-museum', name: '管城回族区博物馆', type: 'merchant' },
    });
  });

  it('shows a verified resident only the masked ID number', async () => {
    const t = await testApp();
    const login = await request(t.app).post('/api/auth/dev-login').send({ userId: 'res-zhang' });
    const me = await request(t.app).get('/api/me').set('authorization', `Bearer ${login.body.token}`);
    expect(me.body.user.realNameVerified).toBe(true);
    expect(me.body.user.maskedIdNumber).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expect(JSON.stringify(me.body)).not.toMatch(/\d{17}[\dX]/);
  });
});
