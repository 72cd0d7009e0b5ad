import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { TaxGrade } from '../../functions/loans/loans.domain';
import type { Role } from '../../functions/shared/auth/roles';
import { inRegistry } from './registry';
import type { TestApp } from './test-app';

/**
 * A person with a verified real name (stored as after real-name verification; no ID number is
 * involved), by default an enterprise user without a business yet; returns their session.
 */
export async function verifiedPerson(t: TestApp, name: string, roles: Role[] = ['enterprise']): Promise<{ userId: string; token: string }> {
  const userId = `u-ent-${randomUUID()}`;
  const at = new Date().toISOString();
  await t.deps.identities.putUserIfAbsent({ id: userId, name, roles, realNameVerifiedAt: at, maskedIdNumber: '4101**********0000', createdAt: at });
  const { token } = await t.deps.tokens.issue({ userId, roles }, Math.floor(Date.now() / 1000));
  return { userId, token };
}

/**
 * A fresh business in the enterprise registry, registered in the app by its legal representative;
 * returns the representative's session (with the org).
 */
export async function registeredEnterprise(
  t: TestApp,
  opts: { establishedOn?: string; taxGrade?: TaxGrade } = {},
): Promise<{ userId: string; token: string; uscc: string; orgId: string }> {
  const entry = await inRegistry(t, { ...(opts.establishedOn ? { establishedOn: opts.establishedOn } : {}) }, opts.taxGrade ? { grade: opts.taxGrade } : undefined);
  const { userId, token } = await verifiedPerson(t, entry.legalRepresentative);
  const res = await request(t.app).post('/api/enterprises').set('authorization', `Bearer ${token}`).send({ uscc: entry.uscc, name: entry.name });
  if (res.status !== 201) throw new Error(`registration failed: ${JSON.stringify(res.body)}`);
  return { userId, token: res.body.token, uscc: entry.uscc, orgId: res.body.id };
}
