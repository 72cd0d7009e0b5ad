import { ID_NUMBER_MESSAGES, idNumberProblem, maskIdNumber } from '../../../../../functions/shared/domain/identifiers';

export const ID_LENGTH = 18;

export interface IdHint {
  tone: 'info' | 'error' | 'ok';
  text: string;
}

/** Spaces dropped and a lower-case x raised, as people type ID numbers in many ways. */
export const normaliseIdNumber = (value: string) => value.replace(/\s+/g, '').toUpperCase();

/**
 * What to tell the resident about the ID number while they type: wrong characters at once, how
 * many digits are left, then the full check (birth date, check character) at 18.
 */
export function idHint(value: string): IdHint | null {
  if (value === '') return null;
  if (value.length < ID_LENGTH) {
    if (!/^\d*$/.test(value)) return { tone: 'error', text: ID_NUMBER_MESSAGES.characters };
    return { tone: 'info', text: `还需输入 ${ID_LENGTH - value.length} 位` };
  }
  const problem = idNumberProblem(value);
  if (problem) return { tone: 'error', text: ID_NUMBER_MESSAGES[problem] };
  return { tone: 'ok', text: `号码格式正确，认证后仅显示为 ${maskIdNumber(value)}` };
}

/** The message that stops a submission, or null when the number passes the check. */
export function idError(value: string): string | null {
  const problem = idNumberProblem(value);
  return problem ? ID_NUMBER_MESSAGES[problem] : null;
}

const NAME = /^[\u4e00-\u9fa5·]{2,20}$/;

export function nameError(value: string): string | null {
  return NAME.test(value.trim()) ? null : '请输入身份证上的中文姓名（2–20 个汉字）';
}
