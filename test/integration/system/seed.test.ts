import request from 'supertest';
import { seedDemo } from '../../../functions/seed/seed-demo';
import { IdentityRepository } from '../../../functions/identity/identity.repository';
import { loginAs, testApp } from '../../support/test-app';

describe('demo seeding', () => {
  it('is idempotent: a second run creates nothing and keeps what is there', async () => {
    const t = await testApp();
    const before = await request(t.app).get('/api/me').set('authorization', `Bearer ${await loginAs(t.app, 'res-zhang')}`);
    const report = await seedDemo(t.deps, t.config.idHashPepper);
    expect(report.created).toBe(0);
    expect(report.kept).toBeGreaterThan(10);
    const after = await request(t.app).get('/api/me').set('authorization', `Bearer ${await loginAs(t.app, 'res-zhang')}`);
    expect(after.body).toEqual(before.body);
  });

  it('does not overwrite a record that users changed since', async () => {
    const t = await testApp();
    const repo = new IdentityRepository(t.config.tableName);
    const user = { id: 'u-seed-probe', name: '原名', roles: ['resident' as const], createdAt: new Date().toISOString() };
    expect(await repo.putUserIfAbsent(user)).toBe(true);
    expect(await repo.putUserIfAbsent({ ...user, name: '新名' })).toBe(false);
    expect((await repo.getUser('u-seed-probe'))?.name).toBe('原名');
    expect(t).toBeDefined();
  });
});
