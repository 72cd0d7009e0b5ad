import { randomUUID } from 'node:crypto';
import type { IdentityRepository } from '../identity/identity.repository';
import type { Principal } from '../shared/auth/roles';
import type { Clock } from '../shared/domain/clock';
import { AppError, errors } from '../shared/http/app-error';
import { enterpriseStanding, type StandingDeps } from './enterprise-standing';
import { evaluateCriteria, isOffered, type LoanProduct } from './loans.domain';
import type { LoansRepository } from './loans.repository';
import type { EligibilityResponse, ProductView } from './loans.schemas';

type Deps = StandingDeps & { loans: LoansRepository };

const view = (p: LoanProduct): ProductView => ({ ...p });

/**
 * The 信易贷 marketplace, every active product in one response.
 * 1. Load the products; keep active ones (a bank asking for `mine` also sees its withdrawn ones).
 * 2. Optional filters: an amount and a term the product must cover.
 * 3. For an enterprise user: each product's eligibility for their business, eligible first, then
 *    by lowest rate.
 */
export async function listProducts(deps: Deps, principal: Principal | null, q: { amount?: number; termMonths?: number; mine?: string }, session?: () => Promise<Principal>): Promise<{ items: ProductView[]; nextCursor: null }> {
  // A business's standing starts beside the session's confirmation; the products come from the cache.
  const standingRead = principal?.roles.includes('enterprise') ? enterpriseStanding(deps, principal, session) : undefined;
  standingRead?.catch(() => undefined);
  const all = await deps.loans.listProducts();
  const ownBank = q.mine === 'true' && principal?.roles.includes('bank') ? principal.orgId : undefined;
  let items = all.filter((p) => isOffered(p) || (ownBank !== undefined && p.bankId === ownBank));
  if (ownBank) items = items.filter((p) => p.bankId === ownBank);
  if (q.amount !== undefined) items = items.filter((p) => p.minAmount <= q.amount! && q.amount! <= p.maxAmount);
  if (q.termMonths !== undefined) items = items.filter((p) => p.minTermMonths <= q.termMonths! && q.termMonths! <= p.maxTermMonths);
  const byRate = (a: ProductView, b: ProductView) => a.annualRateMin - b.annualRateMin || a.name.localeCompare(b.name, 'zh');
  if (!standingRead) return { items: items.map(view).sort(byRate), nextCursor: null };
  const { standing } = await standingRead;
  const now = deps.clock.now();
  const withEligibility = items.map((p) => {
    const failed = evaluateCriteria(standing, p.criteria, now).filter((c) => !c.passed);
    return { ...view(p), eligible: failed.length === 0, failedCriteria: failed.map((c) => c.detail) };
  });
  withEligibility.sort((a, b) => Number(b.eligible) - Number(a.eligible) || byRate(a, b));
  return { items: withEligibility, nextCursor: null };
}

/**
 * One product's criteria for the caller's business, each passed or failed with a concrete detail
 * (「近12个月行政处罚 2 次，要求 ≤ 1 次」).
 */
export async function productEligibility(deps: Deps, principal: Principal, productId: string, session?: () => Promise<Principal>): Promise<EligibilityResponse> {
  const standingRead = enterpriseStanding(deps, principal, session);
  standingRead.catch(() => undefined);
  const product = await deps.loans.getProduct(productId);
  if (!product || !isOffered(product)) throw errors.notFound('该贷款产品不存在或已下架');
  const { standing } = await standingRead;
  const criteria = evaluateCriteria(standing, product.criteria, deps.clock.now());
  return { eligible: criteria.every((c) => c.passed), criteria };
}

type ProductInput = Omit<LoanProduct, 'id' | 'bankId' | 'bankName' | 'status' | 'updatedAt'>;

/** A bank officer publishes a product of their own bank. */
export async function createProduct(deps: { loans: LoansRepository; identities: IdentityRepository; clock: Clock }, bank: Principal, input: ProductInput): Promise<ProductView> {
  const org = bank.orgId ? await deps.identities.getOrg(bank.orgId) : null;
  if (!org || org.type !== 'bank') throw errors.forbidden('当前账号未绑定银行');
  const product: LoanProduct = { ...input, id: `lp-${randomUUID().slice(0, 13)}`, bankId: org.id, bankName: org.name, status: 'active', updatedAt: deps.clock.now().toISOString() };
  await deps.loans.saveProduct(product, null);
  return view(product);
}

/** A bank officer edits or withdraws one of their own bank's products (404 for another bank's). */
export async function updateProduct(
  deps: { loans: LoansRepository; clock: Clock },
  bank: Principal,
  productId: string,
  change: { input?: ProductInput; status?: 'withdrawn' | 'active'; expectedUpdatedAt: string },
): Promise<ProductView> {
  const current = await deps.loans.getProduct(productId);
  if (!current || current.bankId !== bank.orgId) throw errors.notFound('该贷款产品不存在');
  const next: LoanProduct = { ...current, ...(change.input ?? {}), ...(change.status ? { status: change.status } : {}), updatedAt: deps.clock.now().toISOString() };
  if (!(await deps.loans.saveProduct(next, change.expectedUpdatedAt))) {
    throw new AppError(409, 'EDIT_CONFLICT', '该产品刚被修改过，请刷新后重试');
  }
  return view(next);
}
