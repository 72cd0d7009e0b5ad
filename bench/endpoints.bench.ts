import { randomUUID } from 'node:crypto';
import { idCheckChar } from '../functions/shared/domain/identifiers';
import type { BenchStack } from './support/stack';
import { endpointRows } from './support/endpoint-rows';

/**
 * The other hot endpoints at 1 and 32 connections: the 信易+ list for a resident (with their
 * eligibility), issuing a pass (spread over residents: passes are rate-limited per resident),
 * and submitting a loan application (a fresh Idempotency-Key each time).
 */
export async function benchEndpoints(stack: BenchStack, durationMs: number) {
  const { deps, config } = stack;
  const now = Math.floor(Date.now() / 1000);
  const zhang = (await deps.tokens.issue({ userId: 'res-zhang', roles: ['resident'] }, now)).token;
  const huaxin = (await deps.tokens.issue({ userId: 'ent-huaxin', roles: ['enterprise'], orgId: 'org-huaxin' }, now)).token;
  const { verifyRealName, SENSITIVE_PI_CONSENT } = await import('../functions/identity/verify-real-name');
  const residents: string[] = [];
  for (let i = 0; i < 120; i++) {
    const userId = `u-bench-ep-${randomUUID()}`;
    await deps.identities.putUserIfAbsent({ id: userId, name: '测试', roles: ['resident'], createdAt: new Date().toISOString() });
    const body = `4101051986${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i).padStart(3, '0')}`;
    await verifyRealName({ ...deps, idHashPepper: config.idHashPepper }, userId, { name: '测试', idNumber: body + idCheckChar(body), consentVersion: SENSITIVE_PI_CONSENT.version });
    residents.push((await deps.tokens.issue({ userId, roles: ['resident'] }, now)).token);
  }
  let next = 0;
  return endpointRows(
    stack,
    [
      { label: 'GET /api/incentives (resident, with eligibility)', path: '/api/incentives', headers: { authorization: `Bearer ${zhang}` } },
      {
        label: 'POST /api/incentives/{id}/passes',
        path: '/api/incentives/powerbank-free/passes',
        method: 'POST',
        dynamicHeaders: () => ({ authorization: `Bearer ${residents[next++ % residents.length]}` }),
        expectStatus: 201,
      },
      {
        label: 'POST /api/loan-applications',
        path: '/api/loan-applications',
        method: 'POST',
        headers: { authorization: `Bearer ${huaxin}` },
        dynamicHeaders: () => ({ 'idempotency-key': `bench-${randomUUID()}` }),
        body: () => JSON.stringify({ productId: 'zy-chengxin-dai', amount: 200_000, termMonths: 12, purpose: '补充流动资金（压测）' }),
        expectStatus: 201,
      },
    ],
    durationMs,
  );
}
