import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { randomUscc } from './people';
import type { TestApp } from './test-app';

/** A fresh enterprise user with a registered business; returns its session (with the org). */
export async function registeredEnterprise(t: TestApp, opts: { establishedOn?: string } = {}): Promise<{ userId: string; token: string; uscc: string; orgId: string }> {
  const userId = `u-ent-${randomUUID()}`;
  await t.deps.identities.putUserIfAbsent({ id: userId, name: '赵经理', roles: ['enterprise'], createdAt: new Date().toISOString() });
  const { token } = await t.deps.tokens.issue({ userId, roles: ['enterprise'] }, Math.floor(Date.now() / 1000));
  const uscc = randomUscc();
  const res = await request(t.app)
    .post('/api/enterprises')
    .set('authorization', `Bearer ${token}`)
    .send({ uscc, name: '郑州测试科技有限公司', legalRepresentative: '赵大海', establishedOn: opts.establishedOn ?? '2020-03-01' });
  if (res.status !== 201) throw new Error(`registration failed: ${JSON.stringify(res.body)}`);
  return { userId, token: res.body.token, uscc, orgId: res.body.id };
}
