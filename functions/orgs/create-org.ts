import { randomUUID } from 'node:crypto';
import type { RulesRepository } from '../rules/rules.repository';
import type { Clock } from '../shared/domain/clock';
import { usccProblem, USCC_MESSAGES } from '../shared/domain/identifiers';
import { AppError, errors } from '../shared/http/app-error';
import { toOrgView } from './org-view';
import type { OrgFeeds, Organisation } from './orgs.domain';
import type { OrgsRepository } from './orgs.repository';
import type { CreateOrgBody, OrgView } from './orgs.schemas';

/** Rules a department is to feed must exist in the catalogue in force. */
export async function assertKnownRules(rules: RulesRepository, feeds: OrgFeeds | undefined): Promise<void> {
  if (!feeds || feeds.rules.length === 0) return;
  const versions = await rules.listVersions();
  const known = new Set(versions.flatMap((v) => v.rules.map((r) => r.id)));
  const unknown = feeds.rules.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw errors.validation(unknown.map((id) => ({ field: 'feeds.rules', message: `规则 ${id} 不在信用规则清单中` })), '所选规则不在信用规则清单中');
  }
}

/**
 * The credit centre creates a merchant, bank or department.
 * 1. Check the USCC (GB 32100 check character) → 400 INVALID_USCC.
 * 2. Only departments feed data: their rules must be in the catalogue.
 * 3. Create the organisation and claim its USCC in one transaction → 409 USCC_TAKEN.
 */
export async function createOrg(deps: { orgs: OrgsRepository; rules: RulesRepository; clock: Clock }, body: CreateOrgBody): Promise<OrgView> {
  const uscc = body.uscc.toUpperCase();
  const problem = usccProblem(uscc);
  if (problem) throw new AppError(400, 'INVALID_USCC', USCC_MESSAGES[problem]);
  if (body.feeds && body.type !== 'department') throw errors.validation([{ field: 'feeds', message: '只有部门可以报送数据' }]);
  await assertKnownRules(deps.rules, body.feeds);
  const at = deps.clock.now().toISOString();
  const org: Organisation = {
    id: `org-${randomUUID().slice(0, 12)}`,
    type: body.type,
    name: body.name,
    uscc,
    status: 'active',
    ...(body.type === 'department' ? { feeds: body.feeds ?? { rules: [], registries: [] } } : {}),
    createdAt: at,
    updatedAt: at,
  };
  const outcome = await deps.orgs.create(org);
  if (outcome === 'uscc-taken') throw errors.conflict('USCC_TAKEN', '该统一社会信用代码已被其他机构使用');
  if (outcome === 'exists') throw new AppError(503, 'BUSY', '请稍后重试');
  return toOrgView(org);
}
