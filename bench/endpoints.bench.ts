import { randomUUID } from 'node:crypto';
import { idCheckChar } from '../functions/shared/domain/identifiers';
import type { BenchStack } from './support/stack';
import { runLoad, type LoadResult } from './support/load';

/**
 * The other hot endpoints at 1 and 32 connections: the 信易+ list for a resident (with their
 * eligibility), issuing a pass (spread over residents: passes are rate-limited per resident),
 * and submitting a loan application (a fresh Idempotency-Key each time).
 */
export async function benchEndpoints(stack: BenchStack, durationMs: number) {
  const { deps, config, baseUrl } = stack;
  const now = Math.floor(Date.now() / 1000);
  const zhang = (await deps.tokens.issue({ userId: 'res-zhang', roles: ['resident'] }, now)).token;
  const huaxin = (await deps.tokens.issue({ userId: 'ent-huaxin', roles: ['enterprise'], orgId: 'org-huaxin' }, now)).token;
  const { verifyRealName } = await import('../functions/identity/verify-real-name');
  const residents: string[] = [];
  for (let i = 0; i < 120; i++) {
    const userId = `u-bench-ep-${randomUUID()}`;
    await deps.identities.putUserIfAbsent({ id: userId, name: '测试', roles: ['resident'], createdAt: new Date().toISOString() });
    const body = `4101051986${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i).padStart(3, '0')}`;
    await verifyRealName({ ...deps, idHashPepper: config.idHashPepper }, userId, { name: '测试', idNumber: body + idCheckChar(body), consentVersion: '2026-01' });
    residents.push((await deps.tokens.issue({ userId, roles: ['resident'] }, now)).token);
  }
  let next = 0;
  const rows: Array<{ label: string; connections: number; result: LoadResult }> = [];
  for (const connections of [1, 32]) {
    rows.push({ label: 'GET /api/incentives (resident, with eligibility)', connections, result: await runLoad({ url: `${baseUrl}/api/incentives`, headers: { authorization: `Bearer ${zhang}` }, connections, durationMs }) });
    rows.push({
      label: 'POST /api/incentives/{id}/passes',
      connections,
      result: await runLoad({
        url: `${baseUrl}/api/incentives/powerbank-free/passes`,
        method: 'POST',
        headers: {},
        dynamicHeaders: () => ({ authorization: `Bearer ${residents[next++ % residents.length]}` }),
        connections,
        durationMs,
        expectStatus: 201,
      }),
    });
    rows.push({
      label: 'POST /api/loan-applications',
      connections,
      result: await runLoad({
        url: `${baseUrl}/api/loan-applications`,
        method: 'POST',
        headers: { authorization: `Bearer ${huaxin}` },
        dynamicHeaders: () => ({ 'idempotency-key': `bench-${randomUUID()}` }),
        body: () => JSON.stringify({ productId: 'zy-chengxin-dai', amount: 200_000, termMonths: 12, purpose: '补充流动资金（压测）' }),
        connections,
        durationMs,
        expectStatus: 201,
      }),
    });
  }
  return rows;
}
