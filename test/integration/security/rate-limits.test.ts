import request from 'supertest';
import { fixedClock } from '../../../functions/shared/domain/clock';
import { verifiedResident } from '../../support/people';
import { testApp } from '../../support/test-app';

describe('rate limits', () => {
  it('refuses the 31st pass in a minute for one resident with 429 RATE_LIMITED, and not other residents', async () => {
    // A fixed clock keeps every request in one window.
    const t = await testApp({}, { clock: fixedClock(new Date().toISOString()) });
    const a = await verifiedResident(t);
    const b = await verifiedResident(t);
    const issue = (token: string) => request(t.app).post('/api/incentives/museum-free-entry/passes').set('authorization', `Bearer ${token}`);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await issue(a.token)).status);
    expect(statuses).toEqual(Array(30).fill(201));
    const refused = await issue(a.token);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
    expect(refused.headers['retry-after']).toBe('60');
    expect((await issue(b.token)).status).toBe(201);
  });
});
