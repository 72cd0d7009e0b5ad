import { createHash, randomUUID } from 'node:crypto';
import type { CreditRepository } from '../credit/credit.repository';
import { enterpriseSubjectKey } from '../credit/credit.types';
import { currentEnterprise } from '../enterprises/current-enterprise';
import type { EnterprisesRepository } from '../enterprises/enterprises.repository';
import type { IdentityRepository } from '../identity/identity.repository';
import type { Principal } from '../shared/auth/roles';
import { backoff } from '../shared/db/models';
import { chinaDate } from '../shared/domain/china-time';
import type { Clock } from '../shared/domain/clock';
import { AppError, errors } from '../shared/http/app-error';
import { barringBreaches, COMMITMENT_TYPE_LABELS, subjectMatterProblem, type Commitment } from './commitments.domain';
import type { CommitmentsRepository } from './commitments.repository';
import type { SignBody } from './commitments.schemas';

type Deps = { commitments: CommitmentsRepository; enterprises: EnterprisesRepository; identities: IdentityRepository; credit: CreditRepository; clock: Clock };

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;
const MARKER_TTL_SECONDS = 30 * 86_400;
const MAX_ATTEMPTS = 5;

const bodyHash = (b: SignBody) => createHash('sha256').update(JSON.stringify([b.templateId, b.subjectMatter ?? ''])).digest('base64url');

/**
 * A business signs a credit commitment from a published template.
 * 1. The business is the caller's (409 NOT_REGISTERED otherwise).
 * 2. Idempotency: the `Idempotency-Key` header (8–64 of [A-Za-z0-9_-]) when sent; without one, the
 *    same template and subject matter on the same China day are the same signing. A key already
 *    used returns that commitment when the body is the same, 422 IDEMPOTENCY_KEY_REUSED otherwise.
 * 3. The template must be published (404); the subject matter must be given where the type needs
 *    one (告知承诺: the approval item; 信用修复: the dishonest act).
 * 4. 告知承诺: a business whose earlier 告知承诺 was breached may sign no other until that
 *    breach's credit record is repaired (409 COMMITMENT_BARRED; 国办发〔2020〕42号).
 * 5. The commitment (with the clauses as they read now) and the key's marker are written in one
 *    transaction: double taps and retries make exactly one commitment.
 */
export async function signCommitment(deps: Deps, principal: Principal, headerKey: string | undefined, body: SignBody): Promise<{ id: string; signedAt: string; replayed: boolean }> {
  if (headerKey !== undefined && !IDEMPOTENCY_KEY.test(headerKey)) {
    throw errors.validation([{ field: 'Idempotency-Key', message: '需要 8–64 位字母、数字、_ 或 -', code: 'header' }], 'Idempotency-Key 请求头格式错误');
  }
  const enterprise = await currentEnterprise(deps, principal);
  const now = deps.clock.now();
  const hash = bodyHash(body);
  const key = headerKey ?? `auto-${chinaDate(now)}-${hash.slice(0, 24)}`;

  const replay = async () => {
    const marker = await deps.commitments.getIdempotency(enterprise.uscc, key);
    if (!marker) return null;
    if (marker.bodyHash !== hash) throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一份承诺，请重新发起签署');
    return { id: marker.commitmentId, signedAt: marker.signedAt, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const template = await deps.commitments.getTemplate(body.templateId);
  if (!template || template.status !== 'published') throw errors.notFound('承诺书模板不存在或已停用');
  const problem = subjectMatterProblem(template.type, body.subjectMatter);
  if (problem) throw errors.validation([{ field: 'subjectMatter', message: problem, code: 'required' }], problem);

  if (template.type === 'approval') {
    const [mine, events] = await Promise.all([deps.commitments.listByBusiness(enterprise.uscc, true), deps.credit.listEvents(enterpriseSubjectKey(enterprise.uscc))]);
    const barring = barringBreaches(mine, events, now);
    if (barring.length > 0) {
      throw new AppError(
        409,
        'COMMITMENT_BARRED',
        `本企业曾违背${COMMITMENT_TYPE_LABELS.approval}「${barring[0].subjectMatter ?? barring[0].title}」，在完成信用修复前不能再以告知承诺方式办理（国办发〔2020〕42号）`,
        { breachedCommitmentIds: barring.map((c) => c.id) },
      );
    }
  }

  const signedAt = now.toISOString();
  const commitment: Commitment = {
    id: `cm-${randomUUID()}`,
    uscc: enterprise.uscc,
    orgId: enterprise.orgId,
    enterpriseName: enterprise.name,
    templateId: template.id,
    type: template.type,
    title: template.title,
    clauses: template.clauses,
    ...(body.subjectMatter ? { subjectMatter: body.subjectMatter } : {}),
    signedAt,
    signedBy: principal.userId,
  };
  const ttl = Math.floor(now.getTime() / 1000) + MARKER_TTL_SECONDS;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const outcome = await deps.commitments.sign(commitment, { key, bodyHash: hash, ttl });
    if (outcome.ok) return { id: commitment.id, signedAt, replayed: false };
    if (outcome.reason === 'key-used') {
      const winner = await replay();
      if (winner) return winner;
    }
    await backoff(attempt);
  }
  throw new AppError(503, 'BUSY', '系统繁忙，请稍后重试');
}
