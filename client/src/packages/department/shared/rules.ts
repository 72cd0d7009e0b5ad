import type { DepartmentMe, RuleView, Severity, SubjectType } from '../../../services/department-api';

export const SEVERITY_LABELS: Record<Severity, string> = { light: '轻微', general: '一般', serious: '严重' };

/** The rules this department may submit: its own, plus any the credit centre granted it (`feeds.rules`). */
export function departmentRules(rules: readonly RuleView[], me: Pick<DepartmentMe, 'orgId' | 'feeds'>): RuleView[] {
  const granted = new Set(me.feeds?.rules ?? []);
  return rules.filter((r) => (me.orgId !== undefined && r.department === me.orgId) || granted.has(r.id));
}

const fold = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/**
 * The rules for one kind of subject matching a search: by rule number, title, dimension or legal
 * basis, ignoring spaces and case. Rules that lower points come after those that raise them,
 * each group in catalogue order.
 */
export function rulesFor(rules: readonly RuleView[], subjectType: SubjectType, search = ''): RuleView[] {
  const q = fold(search);
  const matches = rules.filter(
    (r) =>
      r.subjectType === subjectType &&
      (q === '' || [r.id, r.title, r.dimensionLabel, r.legalBasis].some((field) => fold(field ?? '').includes(q))),
  );
  return [...matches.filter((r) => r.points >= 0), ...matches.filter((r) => r.points < 0)];
}

/** `+5`, `−8` (a real minus sign). */
export const signedPoints = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `\u2212${Math.abs(n)}` : '0');

/** One line about a rule besides its points: severity and how long a record counts. */
export function ruleFacts(rule: RuleView): string {
  const parts: string[] = [];
  if (rule.severity) parts.push(`${SEVERITY_LABELS[rule.severity]}失信`);
  parts.push(`有效期 ${rule.validityMonths} 个月`);
  return parts.join(' · ');
}
