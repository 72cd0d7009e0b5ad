import request from 'supertest';
import { newResident } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

describe('GET /api/points/me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });

  it.each([
    ['res-zhang', 135, '优秀'],
    ['res-li', 92, '轻微失信'],
    ['res-wang', 70, '信用较差'],
  ])('gives %s their own points (%i, %s) with five dimensions', async (userId, points, tier) => {
    const token = await loginAs(t.app, userId);
    const res = await request(t.app).get('/api/points/me').set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.points).toBe(points);
    expect(res.body.tier.label).toBe(tier);
    expect(res.body.dimensions.map((d: { label: string }) => d.label)).toEqual(['荣誉信息', '社会公德', '职业道德', '家庭美德', '法律法规']);
    expect(Date.parse(res.body.asOf)).not.toBeNaN();
  });

  it('asks a resident without real-name verification to verify first', async () => {
    const { token } = await newResident(t);
    const res = await request(t.app).get('/api/points/me').set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('REAL_NAME_REQUIRED');
  });
});
