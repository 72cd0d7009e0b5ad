import type { BenchStack } from './support/stack';
import { endpointRows } from './support/endpoint-rows';

/** Eligibility checks for one business (华信): one product, and the marketplace with all products. */
export async function benchEligibility(stack: BenchStack, durationMs: number) {
  const token = (await stack.deps.tokens.issue({ userId: 'ent-huaxin', roles: ['enterprise'], orgId: 'org-huaxin' }, Math.floor(Date.now() / 1000))).token;
  const products = (await stack.deps.loans.listProducts()).map((p) => p.id);
  const headers = { authorization: `Bearer ${token}` };
  return endpointRows(
    stack,
    [
      { label: `GET /api/loan-products/{id}/eligibility (one product, ${products[0]})`, path: `/api/loan-products/${products[0]}/eligibility`, headers },
      { label: `GET /api/loan-products (marketplace, eligibility for all ${products.length})`, path: '/api/loan-products', headers },
    ],
    durationMs,
  );
}
