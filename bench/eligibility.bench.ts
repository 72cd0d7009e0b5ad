import type { BenchStack } from './support/stack';
import { runLoad, type LoadResult } from './support/load';

/** Eligibility checks for one business (华信) across all products, at 1 and 32 connections. */
export async function benchEligibility(stack: BenchStack, durationMs: number) {
  const token = (await stack.deps.tokens.issue({ userId: 'ent-huaxin', roles: ['enterprise'], orgId: 'org-huaxin' }, Math.floor(Date.now() / 1000))).token;
  const products = (await stack.deps.loans.listProducts()).map((p) => p.id);
  const rows: Array<{ label: string; connections: number; result: LoadResult }> = [];
  for (const connections of [1, 32]) {
    rows.push({ label: `one product (${products[0]})`, connections, result: await runLoad({ url: `${stack.baseUrl}/api/loan-products/${products[0]}/eligibility`, headers: { authorization: `Bearer ${token}` }, connections, durationMs }) });
    rows.push({ label: `marketplace with eligibility for all ${products.length} products`, connections, result: await runLoad({ url: `${stack.baseUrl}/api/loan-products`, headers: { authorization: `Bearer ${token}` }, connections, durationMs }) });
  }
  return rows;
}
