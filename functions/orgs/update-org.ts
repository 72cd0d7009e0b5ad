import type { LoansRepository } from '../loans/loans.repository';
import type { RulesRepository } from '../rules/rules.repository';
import type { Clock } from '../shared/domain/clock';
import { errors } from '../shared/http/app-error';
import { assertKnownRules } from './create-org';
import { toOrgView } from './org-view';
import type { OrgsRepository } from './orgs.repository';
import type { OrgView, UpdateOrgBody } from './orgs.schemas';

export type Deps = { orgs: OrgsRepository; rules: RulesRepository; loans: LoansRepository; clock: Clock };

/**
 * The credit centre edits an organisation's name or (departments) what it feeds.
 * 1. Load it → 404.
 * 2. Check the rules against the catalogue.
 * 3. Write over the version the editor read (or the one just loaded) → 409 EDIT_CONFLICT.
 */
export async function updateOrg(deps: Deps, orgId: string, body: UpdateOrgBody): Promise<OrgView> {
  const org = await deps.orgs.get(orgId, true);
  if (!org) throw errors.notFound('机构不存在');
  if (body.feeds && org.type !== 'department') throw errors.validation([{ field: 'feeds', message: '只有部门可以报送数据' }]);
  await assertKnownRules(deps.rules, body.feeds);
  const at = deps.clock.now().toISOString();
  const ok = await deps.orgs.update(orgId, { name: body.name, feeds: body.feeds }, body.expectedUpdatedAt ?? org.updatedAt, at);
  if (!ok) throw errors.conflict('EDIT_CONFLICT', '机构信息已被他人修改，请刷新后重试');
  return toOrgView({ ...org, ...(body.name ? { name: body.name } : {}), ...(body.feeds ? { feeds: body.feeds } : {}), updatedAt: at });
}
