import type { Clock } from '../shared/domain/clock';
import { AppError } from '../shared/http/app-error';
import { DEPARTMENT_NAMES } from './catalogue-v1';
import { ruleProblems, type Rule } from './rules.domain';
import type { RulesRepository } from './rules.repository';
import type { PublishVersionBody } from './rules.schemas';

/**
 * The credit centre publishes a new version of the rule catalogue.
 * 1. It takes effect now or later, never in the past: events already scored keep their version.
 * 2. Every rule must be sound (points, caps, publication period within its severity's minimum
 *    and maximum, repair not before the minimum, known department) and rule ids unique; each
 *    problem is a 400 detail naming the rule (`ruleId`, `rules.<i>.<field>`).
 * 3. The version number is the latest plus one, claimed with a conditional put; a concurrent
 *    publisher gets 409 and can retry on top of the new version.
 */
export async function publishCatalogueVersion(
  deps: { rules: RulesRepository; clock: Clock },
  adminId: string,
  body: PublishVersionBody,
): Promise<{ version: number; effectiveFrom: string }> {
  const now = deps.clock.now();
  const effectiveFrom = new Date(body.effectiveFrom);
  if (effectiveFrom.getTime() < now.getTime() - 60_000) {
    throw new AppError(400, 'VALIDATION_FAILED', '生效时间不能早于当前时间', [{ field: 'effectiveFrom', message: '生效时间不能早于当前时间', code: 'past' }]);
  }
  const details: Array<{ field: string; message: string; code: string; ruleId?: string }> = [];
  const seen = new Set<string>();
  body.rules.forEach((r, i) => {
    if (seen.has(r.id)) details.push({ field: `rules.${i}.id`, message: `规则编号 ${r.id} 重复`, code: 'duplicate', ruleId: r.id });
    seen.add(r.id);
    if (!DEPARTMENT_NAMES[r.department]) details.push({ field: `rules.${i}.department`, message: `${r.id}：未知的报送部门`, code: 'unknown_department', ruleId: r.id });
    for (const p of ruleProblems(r as Rule)) details.push({ field: `rules.${i}.${p.field}`, message: p.message, code: p.code, ruleId: r.id });
  });
  if (details.length > 0) throw new AppError(400, 'VALIDATION_FAILED', '规则目录有误，请修改后再发布', details);

  const versions = await deps.rules.listVersions();
  const next = (versions.at(-1)?.version ?? 0) + 1;
  const published = await deps.rules.publish({
    version: next,
    effectiveFrom: effectiveFrom.toISOString(),
    publishedAt: now.toISOString(),
    publishedBy: adminId,
    note: body.note,
    rules: body.rules as Rule[],
  });
  if (!published) throw new AppError(409, 'VERSION_CONFLICT', '其他管理员刚刚发布了新版本，请刷新后重试');
  return { version: next, effectiveFrom: effectiveFrom.toISOString() };
}
