import type { RuleView } from '../../../services/api';
import type { RuleInput } from '../../../services/admin-api';

/** A rule as the publish endpoint takes it (the view's display-only names removed). */
export function toRuleInput(rule: RuleView): RuleInput {
  const { dimensionLabel: _d, departmentName: _n, ...input } = rule;
  return input;
}

export interface RuleEdit {
  ruleId: string;
  points: number;
  yearlyCap: number;
}

/** What is wrong with an edit of one rule's points, or null: the sign stays, 1–50, cap at least the points. */
export function editProblem(rule: RuleView, edit: RuleEdit): string | null {
  if (!Number.isInteger(edit.points) || edit.points === 0) return '分值须为非 0 整数';
  if (Math.sign(edit.points) !== Math.sign(rule.points)) return rule.points < 0 ? '失信规则的分值须为负数' : '守信规则的分值须为正数';
  if (Math.abs(edit.points) > 50) return '单条记录分值不能超过 ±50';
  if (!Number.isInteger(edit.yearlyCap) || edit.yearlyCap < Math.abs(edit.points) || edit.yearlyCap > 200) return '年度上限须为整数，不小于单条分值，最多 200';
  if (edit.points === rule.points && edit.yearlyCap === rule.yearlyCap) return '分值和年度上限都没有变化';
  return null;
}

/** The whole current catalogue with one rule's points (and yearly cap) changed. */
export function cloneWithEdit(rules: readonly RuleView[], edit: RuleEdit): RuleInput[] {
  return rules.map((r) => (r.id === edit.ruleId ? { ...toRuleInput(r), points: edit.points, yearlyCap: edit.yearlyCap } : toRuleInput(r)));
}
