import { DIMENSIONS } from '../points/points.domain';
import type { Clock } from '../shared/domain/clock';
import { DEPARTMENT_NAMES } from './catalogue-v1';
import { versionInForce, type Rule } from './rules.domain';
import type { RulesRepository } from './rules.repository';
import type { RuleView, RulesResponse } from './rules.schemas';

export function ruleView(r: Rule): RuleView {
  return {
    ...r,
    dimensionLabel: DIMENSIONS.find((d) => d.code === r.dimension)?.label ?? r.dimension,
    departmentName: DEPARTMENT_NAMES[r.department] ?? r.department,
  };
}

/**
 * The rule catalogue in force now, every rule in one response.
 * 1. Load the versions; pick the one in force at this moment.
 * 2. Return its rules with their dimension and department names.
 */
export async function listRules(deps: { rules: RulesRepository; clock: Clock }): Promise<RulesResponse> {
  const version = versionInForce(await deps.rules.listVersions(), deps.clock.now());
  if (!version) return { version: 0, effectiveFrom: '', items: [], nextCursor: null };
  return { version: version.version, effectiveFrom: version.effectiveFrom, items: version.rules.map(ruleView), nextCursor: null };
}
