import request from 'supertest';
import { SENSITIVE_PI_CONSENT } from '../../../functions/identity/consent-documents';
import { verifiedResident } from '../../support/people';
import { testApp } from '../../support/test-app';

describe('consent management', () => {
  it('lists the consent, pauses everything on withdrawal, and resumes on a new consent', async () => {
    const t = await testApp();
    const r = await verifiedResident(t);
    const auth = { authorization: `Bearer ${r.token}` };
    const list = await request(t.app).get('/api/consents').set(auth);
    expect(list.body.items).toEqual([expect.objectContaining({ type: 'sensitive-pi', title: '个人敏感信息处理授权书', active: true })]);

    const withdrawn = await request(t.app).post('/api/consents/sensitive-pi/withdrawal').set(auth);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.active).toBe(false);
    const points = await request(t.app).get('/api/points/me').set(auth);
    expect(points.status).toBe(403);
    expect(points.body.error.code).toBe('CONSENT_WITHDRAWN');
    const incentives = await request(t.app).get('/api/incentives').set(auth);
    expect(incentives.body.items[0].reasons).toContain('已撤回个人信息处理授权，重新授权后可用');
    expect((await request(t.app).post('/api/consents/sensitive-pi/withdrawal').set(auth)).status).toBe(404);

    expect((await request(t.app).post('/api/consents/sensitive-pi').set(auth).send({ consentVersion: '1999-01' })).status).toBe(409);
    const again = await request(t.app).post('/api/consents/sensitive-pi').set(auth).send({ consentVersion: SENSITIVE_PI_CONSENT.version });
    expect(again.status).toBe(201);
    expect((await request(t.app).get('/api/points/me').set(auth)).body.points).toBe(100);
    const history = await request(t.app).get('/api/consents').set(auth);
    expect(history.body.items.map((c: { active: boolean }) => c.active)).toEqual([true, false]);
  });
});
