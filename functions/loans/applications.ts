import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { HolidayCalendar } from '../holidays/holiday-calendar';
import type { Principal } from '../shared/auth/roles';
import { backoff } from '../shared/db/models';
import { epochSeconds } from '../shared/domain/clock';
import { AppError, errors } from '../shared/http/app-error';
import { decodeCursor, encodeCursor } from '../shared/http/pagination';
import { enterpriseStanding, type StandingDeps } from './enterprise-standing';
import { addWorkingDays, evaluateCriteria, isOffered, OPEN_STATUSES, REVIEW_WORKING_DAYS, STATUS_LABELS, TRANSITIONS, type Transition } from './loans.domain';
import type { Application, HistoryEntry, LoansRepository } from './loans.repository';
import type { ApplicationBody, ApplicationView } from './loans.schemas';

type Deps = StandingDeps & { loans: LoansRepository; holidays: HolidayCalendar };

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;
const MAX_ATTEMPTS = 6;

export function applicationView(a: Application, now: Date): ApplicationView {
  return {
    id: a.id,
    status: a.status,
    statusLabel: STATUS_LABELS[a.status],
    product: { id: a.productId, name: a.productName },
    bank: { id: a.bankId, name: a.bankName },
    enterprise: { id: a.orgId, name: a.enterpriseName, uscc: a.uscc },
    amount: a.amount,
    termMonths: a.termMonths,
    purpose: a.purpose,
    submittedAt: a.submittedAt,
    deadline: a.deadline,
    overdue: OPEN_STATUSES.includes(a.status) && now.getTime() > new Date(a.deadline).getTime(),
    ...(a.decisionReason ? { decisionReason: a.decisionReason } : {}),
    ...(a.disbursedAmount !== undefined ? { disbursedAmount: a.disbursedAmount } : {}),
    history: a.history.map((h) => ({ status: h.status, statusLabel: STATUS_LABELS[h.status], at: h.at, by: h.byName, byRole: h.byRole, ...(h.reason ? { reason: h.reason } : {}) })),
  };
}

const bodyHash = (b: ApplicationBody) => createHash('sha256').update(JSON.stringify([b.productId, b.amount, b.termMonths, b.purpose])).digest('base64url');

/**
 * A business applies for a loan product.
 * 1. The Idempotency-Key header is required (8–64 of [A-Za-z0-9_-]).
 * 2. A key already used returns that same application when the body is the same, and
 *    422 IDEMPOTENCY_KEY_REUSED when it differs.
 * 3. The business must be registered; amount and term must lie within the product's ranges;
 *    every criterion of the product must be met (403 NOT_ELIGIBLE with the failed details).
 * 4. The application (SUBMITTED, with its 10-working-day deadline: weekends and the State
 *    Council's holidays skipped, adjusted working weekends counted) and the key's marker are
 *    written in one transaction, so retries and double taps make exactly one application.
 *    Submitting authorises the product's bank to read the business's report while the
 *    application is alive.
 */
export async function submitApplication(
  deps: Deps,
  principal: Principal,
  key: string | undefined,
  body: ApplicationBody,
  session?: () => Promise<Principal>,
): Promise<{ application: ApplicationView; replayed: boolean }> {
  if (!key || !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError(400, 'IDEMPOTENCY_KEY_REQUIRED', '缺少或格式错误的 Idempotency-Key 请求头', [{ field: 'Idempotency-Key', message: '需要 8–64 位字母、数字、_ 或 -', code: 'header' }]);
  }
  // The key's marker of the token's business is read beside the standing's first wave.
  const asOf = epochSeconds(deps.clock);
  const earlyMarker = session && principal.orgId ? deps.loans.getIdempotencyKey(principal.orgId, key, asOf) : undefined;
  earlyMarker?.catch(() => undefined);
  const { enterprise, standing } = await enterpriseStanding(deps, principal, session);
  if (!enterprise) throw new AppError(409, 'NOT_REGISTERED', '请先完成企业认证');
  const hash = bodyHash(body);
  const now = deps.clock.now();

  let firstMarker = earlyMarker && enterprise.orgId === principal.orgId ? earlyMarker : undefined;
  const replay = async (): Promise<{ application: ApplicationView; replayed: boolean } | null> => {
    const marker = await (firstMarker ?? deps.loans.getIdempotencyKey(enterprise.orgId, key, asOf));
    firstMarker = undefined;
    if (!marker) return null;
    if (marker.bodyHash !== hash) throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一份不同的申请，请生成新的请求');
    const existing = await deps.loans.getApplication(marker.applicationId);
    if (!existing) return null;
    return { application: applicationView(existing, now), replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const product = await deps.loans.getProduct(body.productId);
  if (!product || !isOffered(product)) throw errors.notFound('该贷款产品不存在或已下架');
  const range: Array<{ field: string; message: string; code: string }> = [];
  if (body.amount < product.minAmount || body.amount > product.maxAmount) {
    range.push({ field: 'amount', message: `申请金额应在 ${product.minAmount}–${product.maxAmount} 元之间`, code: 'range' });
  }
  if (body.termMonths < product.minTermMonths || body.termMonths > product.maxTermMonths) {
    range.push({ field: 'termMonths', message: `期限应在 ${product.minTermMonths}–${product.maxTermMonths} 个月之间`, code: 'range' });
  }
  if (range.length > 0) throw errors.validation(range, '申请金额或期限超出产品范围');
  const failed = evaluateCriteria(standing, product.criteria, now).filter((c) => !c.passed);
  if (failed.length > 0) throw new AppError(403, 'NOT_ELIGIBLE', `暂不符合该产品的申请条件：${failed.map((c) => c.detail).join('；')}`, { criteria: failed });

  const user = session ? (await session()).account : await deps.identities.getUser(principal.userId);
  const submittedAt = now.toISOString();
  const application: Application = {
    id: `la-${randomUUID()}`,
    orgId: enterprise.orgId,
    enterpriseName: enterprise.name,
    uscc: enterprise.uscc,
    productId: product.id,
    productName: product.name,
    bankId: product.bankId,
    bankName: product.bankName,
    amount: body.amount,
    termMonths: body.termMonths,
    purpose: body.purpose,
    status: 'SUBMITTED',
    version: 1,
    submittedAt,
    deadline: addWorkingDays(submittedAt, REVIEW_WORKING_DAYS, await deps.holidays.calendar()),
    history: [{ status: 'SUBMITTED', at: submittedAt, byUserId: principal.userId, byRole: 'enterprise', byName: user?.name ?? enterprise.name }],
  };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const outcome = await deps.loans.submitApplication(application, { key, bodyHash: hash });
    if (outcome.ok) return { application: applicationView(application, now), replayed: false };
    if (outcome.reason === 'key-used') {
      const winner = await replay();
      if (winner) return winner;
    }
    await backoff(attempt);
  }
  throw new AppError(503, 'BUSY', '提交人数较多，请稍后重试');
}

const enterpriseCursor = z.strictObject({ gsi1pk: z.string(), gsi1sk: z.string(), pk: z.string(), sk: z.string() });
const bankCursor = z.strictObject({ gsi2pk: z.string(), gsi2sk: z.string(), pk: z.string(), sk: z.string() });

/** A business sees its own applications; a bank those for its products (filter by status or overdue). */
export async function listApplications(
  deps: Deps,
  principal: Principal,
  q: { limit: number; cursor?: string; status?: string; overdue?: string },
): Promise<{ items: ApplicationView[]; nextCursor: string | null }> {
  const now = deps.clock.now();
  let page: { items: Application[]; last?: Record<string, string> };
  let scope: string;
  if (principal.roles.includes('bank')) {
    if (!principal.orgId) throw errors.forbidden('当前账号未绑定银行');
    scope = `applications:bank:${principal.orgId}`;
    page = await deps.loans.listByBank(principal.orgId, q.limit, decodeCursor(q.cursor, bankCursor, scope));
  } else {
    const user = await deps.identities.getUser(principal.userId);
    if (!user?.orgId) return { items: [], nextCursor: null };
    scope = `applications:enterprise:${user.orgId}`;
    page = await deps.loans.listByEnterprise(user.orgId, q.limit, decodeCursor(q.cursor, enterpriseCursor, scope));
  }
  let items = page.items.map((a) => applicationView(a, now));
  if (q.status) items = items.filter((a) => a.status === q.status);
  if (q.overdue === 'true') items = items.filter((a) => a.overdue);
  return { items, nextCursor: page.last ? encodeCursor(page.last, scope) : null };
}

async function loadFor(deps: Deps, principal: Principal, id: string): Promise<{ app: Application; as: 'enterprise' | 'bank' }> {
  const app = await deps.loans.getApplication(id);
  if (app && principal.roles.includes('bank') && principal.orgId === app.bankId) return { app, as: 'bank' };
  if (app && principal.roles.includes('enterprise')) {
    const user = await deps.identities.getUser(principal.userId);
    if (user?.orgId === app.orgId) return { app, as: 'enterprise' };
  }
  throw errors.notFound('贷款申请不存在');
}

/** Applies a transition if the state allows it, retrying when another writer won in between. */
async function move(
  deps: Deps,
  principal: Principal,
  id: string,
  transition: Transition,
  who: 'enterprise' | 'bank',
  change: (a: Application) => Partial<Application>,
  reason?: string,
): Promise<Application> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { app, as } = await loadFor(deps, principal, id);
    if (as !== who) throw errors.forbidden(who === 'bank' ? '只有受理银行可以执行此操作' : '只有申请企业可以执行此操作');
    const rule = TRANSITIONS[transition];
    if (!rule.from.includes(app.status)) {
      const decided = ['APPROVED', 'REJECTED', 'DISBURSED', 'WITHDRAWN'].includes(app.status);
      throw new AppError(409, decided && (transition === 'approve' || transition === 'reject') ? 'APPLICATION_DECIDED' : 'ILLEGAL_TRANSITION', `申请当前状态为「${STATUS_LABELS[app.status]}」，不能执行该操作`);
    }
    const user = await deps.identities.getUser(principal.userId);
    const at = deps.clock.now().toISOString();
    const entry: HistoryEntry = { status: rule.to, at, byUserId: principal.userId, byRole: who, byName: who === 'bank' ? app.bankName : (user?.name ?? app.enterpriseName), ...(reason ? { reason } : {}) };
    const next: Application = { ...app, ...change(app), status: rule.to, version: app.version + 1, history: [...app.history, entry] };
    if (await deps.loans.transition(next, app.version)) return next;
    await backoff(attempt);
  }
  throw new AppError(503, 'BUSY', '操作冲突，请稍后重试');
}

/**
 * One application, for its applicant or the product's bank (anyone else: 404). When the bank
 * opens a submitted application it moves to UNDER_REVIEW.
 */
export async function getApplication(deps: Deps, principal: Principal, id: string): Promise<ApplicationView> {
  const { app, as } = await loadFor(deps, principal, id);
  const now = deps.clock.now();
  if (as === 'bank' && app.status === 'SUBMITTED') return applicationView(await move(deps, principal, id, 'open', 'bank', () => ({})), now);
  return applicationView(app, now);
}

/** The bank approves, or rejects with a reason; allowed from SUBMITTED or UNDER_REVIEW only (409 once decided). */
export async function decideApplication(deps: Deps, principal: Principal, id: string, body: { decision: 'approve' | 'reject'; reason?: string }): Promise<ApplicationView> {
  const next = await move(deps, principal, id, body.decision, 'bank', () => (body.reason ? { decisionReason: body.reason } : {}), body.reason);
  return applicationView(next, deps.clock.now());
}

/** The bank records the disbursement of an approved application (at most the applied amount). */
export async function recordDisbursement(deps: Deps, principal: Principal, id: string, body: { amount: number }): Promise<ApplicationView> {
  const { app } = await loadFor(deps, principal, id);
  if (body.amount > app.amount) throw errors.validation([{ field: 'amount', message: '放款金额不能超过申请金额', code: 'range' }]);
  const next = await move(deps, principal, id, 'disburse', 'bank', () => ({ disbursedAmount: body.amount }));
  return applicationView(next, deps.clock.now());
}

/** The applicant withdraws before a decision. */
export async function withdrawApplication(deps: Deps, principal: Principal, id: string): Promise<ApplicationView> {
  const next = await move(deps, principal, id, 'withdraw', 'enterprise', () => ({}));
  return applicationView(next, deps.clock.now());
}

