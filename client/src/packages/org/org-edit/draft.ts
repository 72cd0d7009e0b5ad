import { USCC_CHARSET, USCC_MESSAGES, usccProblem } from '../../../../../functions/shared/domain/identifiers';
import type { CreatableOrgType, OrgFeeds, OrgInput, OrgPatch, OrgView, Registry } from '../../../services/orgs-api';

export const USCC_LENGTH = 18;

export interface OrgDraft {
  type: CreatableOrgType | null;
  name: string;
  uscc: string;
  /** Departments: rules of other departments this one may submit too. */
  rules: string[];
  registries: Registry[];
}

export type OrgField = 'type' | 'name' | 'uscc';
export type OrgProblems = Partial<Record<OrgField, string>>;

export interface Hint {
  tone: 'info' | 'error' | 'ok';
  text: string;
}

export const emptyOrgDraft = (): OrgDraft => ({ type: null, name: '', uscc: '', rules: [], registries: [] });

export const orgDraftFrom = (org: OrgView): OrgDraft => ({
  type: org.type === 'merchant' || org.type === 'bank' || org.type === 'department' ? org.type : null,
  name: org.name,
  uscc: org.uscc ?? '',
  rules: [...(org.feeds?.rules ?? [])],
  registries: [...(org.feeds?.registries ?? [])],
});

/** Spaces dropped and letters raised, as people copy codes from licences in many ways. */
export const normaliseUscc = (value: string) => value.replace(/\s+/g, '').toUpperCase();

/**
 * What to say about the code while it is typed, with the server's own GB 32100 rules: a wrong
 * character at once, how many are left, then the check character at 18.
 */
export function usccHint(value: string): Hint | null {
  if (value === '') return null;
  if (/[IOSVZ]/.test(value)) return { tone: 'error', text: USCC_MESSAGES.forbidden };
  if (Array.from(value).some((ch) => !USCC_CHARSET.includes(ch))) return { tone: 'error', text: USCC_MESSAGES.characters };
  if (value.length < USCC_LENGTH) return { tone: 'info', text: `还需输入 ${USCC_LENGTH - value.length} 位` };
  if (value.length > USCC_LENGTH) return { tone: 'error', text: `${USCC_MESSAGES.length}，已输入 ${value.length} 位` };
  const problem = usccProblem(value);
  if (problem) return { tone: 'error', text: USCC_MESSAGES[problem] };
  return { tone: 'ok', text: '代码校验通过' };
}

/** Field by field, what must change before saving; the code is checked only when creating. */
export function orgProblems(d: OrgDraft, creating: boolean): OrgProblems {
  const p: OrgProblems = {};
  if (creating && !d.type) p.type = '请选择机构类型';
  const name = d.name.trim();
  if (name.length < 2 || name.length > 60) p.name = '请输入机构全称（2–60 个字）';
  if (creating) {
    if (d.uscc === '') p.uscc = '请输入统一社会信用代码';
    else {
      const problem = usccProblem(d.uscc);
      if (problem) p.uscc = USCC_MESSAGES[problem];
    }
  }
  return p;
}

function feedsOf(d: OrgDraft): OrgFeeds {
  return { rules: [...d.rules], registries: [...d.registries] };
}

export function toOrgInput(d: OrgDraft): OrgInput {
  const type = d.type ?? 'merchant';
  return { type, name: d.name.trim(), uscc: d.uscc, ...(type === 'department' ? { feeds: feedsOf(d) } : {}) };
}

export function toOrgPatch(d: OrgDraft, expectedUpdatedAt?: string): OrgPatch {
  return {
    name: d.name.trim(),
    ...(d.type === 'department' ? { feeds: feedsOf(d) } : {}),
    ...(expectedUpdatedAt ? { expectedUpdatedAt } : {}),
  };
}
