import type { RuleView } from '../../../services/api';

export type RuleKind = 'all' | 'positive' | 'negative';
export type RuleSubject = 'all' | RuleView['subjectType'];

export interface RuleFilter {
  query: string;
  /** A dimension code, or 'all'. */
  dimension: string;
  kind: RuleKind;
  subject: RuleSubject;
}

export const NO_FILTER: RuleFilter = { query: '', dimension: 'all', kind: 'all', subject: 'all' };

const haystack = (r: RuleView) => [r.title, r.id, r.legalBasis, r.departmentName, r.department].join('\n').toLowerCase();

/** Rules matching every word of the search (in title, id, legal basis or department) and every filter. */
export function filterRules(rules: readonly RuleView[], f: RuleFilter): RuleView[] {
  const words = f.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return rules.filter((r) => {
    if (f.dimension !== 'all' && r.dimension !== f.dimension) return false;
    if (f.kind === 'positive' && r.points < 0) return false;
    if (f.kind === 'negative' && r.points >= 0) return false;
    if (f.subject !== 'all' && r.subjectType !== f.subject) return false;
    if (words.length === 0) return true;
    const text = haystack(r);
    return words.every((w) => text.includes(w));
  });
}

/** The dimensions present in the catalogue, in catalogue order. */
export function dimensionsOf(rules: readonly RuleView[]): { code: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const r of rules) if (!seen.has(r.dimension)) seen.set(r.dimension, r.dimensionLabel);
  return [...seen].map(([code, label]) => ({ code, label }));
}
