import request from 'supertest';
import { ReportSigner } from '../../../functions/reports/report-signer';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

describe('signed credit reports', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  const verify = (body: object) => request(t.app).post('/api/reports/verify').send(body);

  it('signs 张伟’s report, which verifies, and any single changed character invalidates it', async () => {
    const res = await request(t.app).get('/api/reports/me').set('authorization', `Bearer ${await loginAs(t.app, 'res-zhang')}`);
    expect(res.status).toBe(200);
    const { report, signature } = res.body;
    expect(report).toMatchObject({ reportType: 'person', points: 135, tier: '优秀', subject: { name: '张*' }, keyId: expect.stringMatching(/^cxgc-/) });
    expect(JSON.stringify(report)).not.toMatch(/\d{17}[\dX]/);
    expect((await verify({ report, signature })).body).toMatchObject({ valid: true, keyId: report.keyId });

    const text = JSON.stringify(report);
    // Change one character inside values at several places: every change breaks the signature.
    const positions = [...text.matchAll(/:"([^"]+)"/g)].map((m) => (m.index ?? 0) + 2).slice(0, 12);
    for (const p of positions) {
      const ch = text[p] === '1' ? '2' : '1';
      const altered = JSON.parse(text.slice(0, p) + ch + text.slice(p + 1));
      expect((await verify({ report: altered, signature })).body.valid).toBe(false);
    }
    expect((await verify({ report: { ...report, points: 200 }, signature })).body.valid).toBe(false);
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    expect((await verify({ report, signature: flipped })).body.valid).toBe(false);
  });

  it('refuses a report signed with another key, or naming another key id', async () => {
    const { report } = (await request(t.app).get('/api/reports/me').set('authorization', `Bearer ${await loginAs(t.app, 'res-li')}`)).body;
    const other = new ReportSigner(Buffer.alloc(32, 7).toString('base64url'));
    expect((await verify({ report, signature: other.sign(report) })).body.valid).toBe(false);
    const renamed = { ...report, keyId: other.keyId };
    expect((await verify({ report: renamed, signature: other.sign(renamed) })).body.valid).toBe(false);
  });

  it('publishes the public key, with which anyone can verify offline', async () => {
    const keys = await request(t.app).get('/api/.well-known/credit-report-keys');
    expect(keys.body.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    const { report, signature } = (await request(t.app).get('/api/reports/me').set('authorization', `Bearer ${await loginAs(t.app, 'res-wang')}`)).body;
    expect(ReportSigner.verify(report, signature, keys.body.keys)).toBe(true);
    expect(report.measures[0]).toMatchObject({ listType: '失信被执行人名单' });
  });

  it('signs an enterprise report with the grade', async () => {
    const { report, signature } = (await request(t.app).get('/api/reports/me').set('authorization', `Bearer ${await loginAs(t.app, 'ent-huaxin')}`)).body;
    expect(report).toMatchObject({ reportType: 'enterprise', grade: 'A', subject: { name: '郑州华信商贸有限公司' } });
    expect((await verify({ report, signature })).body.valid).toBe(true);
  });

  it('answers malformed verification requests clearly', async () => {
    expect((await verify({ report: 'x', signature: 'y' })).status).toBe(400);
    expect((await verify({ report: {}, signature: 'short' })).body.valid).toBe(false);
    expect((await request(t.app).get('/api/reports/me').set('authorization', `Bearer ${await loginAs(t.app, 'bank-zy')}`)).status).toBe(403);
  });
});
