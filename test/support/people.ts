import { randomInt, randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { SENSITIVE_PI_CONSENT } from '../../functions/identity/consent-documents';
import { idCheckChar, usccCheckChar, USCC_CHARSET } from '../../functions/shared/domain/identifiers';
import { registerIdNumber } from './privacy-run';
import type { TestApp } from './test-app';

/** A fresh, valid resident ID number (random region, birth date and sequence). */
export function randomIdNumber(): string {
  const y = 1950 + randomInt(60);
  const m = 1 + randomInt(12);
  const d = 1 + randomInt(28);
  const body = `${410100 + randomInt(99)}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(randomInt(1000)).padStart(3, '0')}`;
  const idNumber = body + idCheckChar(body);
  registerIdNumber(idNumber);
  return idNumber;
}

/** A fresh, valid unified social credit code. */
export function randomUscc(): string {
  let body = '91410104'; // 工商 · 企业 · 管城回族区: a structure GB 32100 defines
  while (body.length < 17) body += USCC_CHARSET[randomInt(USCC_CHARSET.length)];
  return body + usccCheckChar(body);
}

/** A new resident account (as after a first WeChat login), not yet verified; returns its token. */
export async function newResident(t: TestApp): Promise<{ userId: string; token: string }> {
  const userId = `u-${randomUUID()}`;
  await t.deps.identities.putUserIfAbsent({ id: userId, name: '微信用户', roles: ['resident'], createdAt: new Date().toISOString() });
  const { token } = await t.deps.tokens.issue({ userId, roles: ['resident'] }, Math.floor(Date.now() / 1000));
  return { userId, token };
}

export async function verifyResident(app: Express, token: string, idNumber: string, name = '刘洋'): Promise<request.Response> {
  return request(app)
    .post('/api/me/real-name')
    .set('authorization', `Bearer ${token}`)
    .send({ name, idNumber, consent: true, consentVersion: SENSITIVE_PI_CONSENT.version });
}

/** A verified resident with a fresh ID number. */
export async function verifiedResident(t: TestApp): Promise<{ userId: string; token: string; idNumber: string }> {
  const r = await newResident(t);
  const idNumber = randomIdNumber();
  const res = await verifyResident(t.app, r.token, idNumber);
  if (res.status !== 200) throw new Error(`verification failed: ${JSON.stringify(res.body)}`);
  return { ...r, idNumber };
}

export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

/**
 * A staff account of an organisation, stored like one that accepted an invitation (sessions are
 * confirmed against the stored account, so a token for a user that does not exist is refused).
 */
export async function staffMember(
  t: TestApp,
  orgId: string,
  role: 'merchant' | 'bank' | 'department' | 'admin',
  opts: { userId?: string; manager?: boolean } = {},
): Promise<{ userId: string; token: string }> {
  const userId = opts.userId ?? `u-${randomUUID()}`;
  const at = new Date().toISOString();
  await t.deps.identities.putUserIfAbsent({
    id: userId,
    name: '微信用户',
    roles: ['resident', role],
    orgId,
    staffName: '测试员工',
    staffSince: at,
    ...(opts.manager ? { manager: true } : {}),
    createdAt: at,
  });
  const { token } = await t.deps.tokens.issue({ userId, roles: ['resident', role], orgId }, Math.floor(Date.now() / 1000));
  return { userId, token };
}
