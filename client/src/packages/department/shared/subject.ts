import {
  ID_NUMBER_MESSAGES,
  idNumberProblem,
  maskIdNumber,
  maskUscc,
  USCC_CHARSET,
  USCC_MESSAGES,
  usccProblem,
} from '../../../../../functions/shared/domain/identifiers';
import type { SubjectType } from '../../../services/department-api';

export const SUBJECT_LENGTH = 18;

export const SUBJECT_TYPE_LABELS: Record<SubjectType, string> = { person: '个人', enterprise: '企业' };
export const SUBJECT_ID_LABELS: Record<SubjectType, string> = { person: '身份证号码', enterprise: '统一社会信用代码' };

export interface SubjectHint {
  tone: 'info' | 'error' | 'ok';
  text: string;
}

/** Spaces dropped and letters raised, as clerks copy identifiers from many sources. */
export const normaliseSubjectId = (value: string) => value.replace(/\s+/g, '').toUpperCase();

/**
 * What to tell the clerk about the identifier while it is typed, with the server's own checks
 * (GB 11643 for a person, GB 32100 for a business): a wrong character at once, how many are
 * left, too many, then the full check at 18.
 */
export function subjectHint(type: SubjectType, value: string): SubjectHint | null {
  if (value === '') return null;
  if (type === 'person') {
    if (!/^\d*X?$/.test(value) || (value.includes('X') && value.length < SUBJECT_LENGTH)) {
      return { tone: 'error', text: ID_NUMBER_MESSAGES.characters };
    }
    if (value.length < SUBJECT_LENGTH) return { tone: 'info', text: `${ID_NUMBER_MESSAGES.length}，还需输入 ${SUBJECT_LENGTH - value.length} 位` };
    if (value.length > SUBJECT_LENGTH) return { tone: 'error', text: `${ID_NUMBER_MESSAGES.length}，已输入 ${value.length} 位` };
    const problem = idNumberProblem(value);
    if (problem) return { tone: 'error', text: ID_NUMBER_MESSAGES[problem] };
    return { tone: 'ok', text: `号码校验通过，记录中仅显示为 ${maskIdNumber(value)}` };
  }
  if (/[IOSVZ]/.test(value)) return { tone: 'error', text: USCC_MESSAGES.forbidden };
  if (Array.from(value).some((ch) => !USCC_CHARSET.includes(ch))) return { tone: 'error', text: USCC_MESSAGES.characters };
  if (value.length < SUBJECT_LENGTH) return { tone: 'info', text: `${USCC_MESSAGES.length}，还需输入 ${SUBJECT_LENGTH - value.length} 位` };
  if (value.length > SUBJECT_LENGTH) return { tone: 'error', text: `${USCC_MESSAGES.length}，已输入 ${value.length} 位` };
  const problem = usccProblem(value);
  if (problem) return { tone: 'error', text: USCC_MESSAGES[problem] };
  return { tone: 'ok', text: `代码校验通过：${maskUscc(value)}` };
}

/** The message that stops a submission, or null when the identifier passes every check. */
export function subjectError(type: SubjectType, value: string): string | null {
  if (value === '') return `请输入${SUBJECT_ID_LABELS[type]}`;
  if (type === 'person') {
    const problem = idNumberProblem(value);
    return problem ? ID_NUMBER_MESSAGES[problem] : null;
  }
  const problem = usccProblem(value);
  return problem ? USCC_MESSAGES[problem] : null;
}

/**
 * An identifier as it may be shown anywhere (result tables, summaries): a person's number as
 * `4101**********1234`, a business's code as `914101**********1X`; anything too short to keep a
 * head and a tail is hidden but for its first character.
 */
export function maskSubject(type: unknown, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') return '—';
  const v = normaliseSubjectId(value);
  if (v.length <= 8) return `${v.slice(0, 1)}${'*'.repeat(Math.max(v.length - 1, 3))}`;
  return type === 'enterprise' ? maskUscc(v) : maskIdNumber(v);
}
