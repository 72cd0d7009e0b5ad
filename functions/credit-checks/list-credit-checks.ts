import { z } from 'zod';
import type { CreditChecksRepository } from './credit-checks.repository';
import type { Principal } from '../shared/auth/roles';
import { errors } from '../shared/http/app-error';
import { decodeCursor, encodeCursor, type ListQuery } from '../shared/http/pagination';
import { CHECK_PURPOSE_LABELS } from './credit-checks.domain';
import type { CreditChecksPage } from './credit-checks.schemas';

/**
 * The department's own past checks, newest first.
 * 1. Only the caller's department: the list's key is its organisation (no department → 403).
 * 2. One Query of one page; the cursor is signed for this department's list only.
 */
export async function listCreditChecks(deps: { creditChecks: CreditChecksRepository }, principal: Principal, q: ListQuery): Promise<CreditChecksPage> {
  const department = principal.orgId;
  if (!department) throw errors.forbidden('当前账号未绑定部门');
  const scope = `credit-checks:${department}`;
  const after = decodeCursor(q.cursor, z.strictObject({ sk: z.string().max(200) }), scope);
  const page = await deps.creditChecks.listByDepartment(department, q.limit, after?.sk);
  return {
    items: page.items.map((c) => ({ ...c, purposeLabel: CHECK_PURPOSE_LABELS[c.purpose] })),
    nextCursor: page.last ? encodeCursor({ sk: page.last }, scope) : null,
  };
}
