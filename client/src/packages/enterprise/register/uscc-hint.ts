import { maskUscc, USCC_CHARSET, USCC_MESSAGES, usccProblem } from '../../../../../functions/shared/domain/identifiers';
import type { FieldMessage } from '../../../components/loans/field';

export const USCC_LENGTH = 18;

/** Spaces dropped and letters raised, as people copy codes from licences in many ways. */
export const normaliseUscc = (value: string) => value.replace(/\s+/g, '').toUpperCase();

/**
 * What to tell the business about its code while it is typed, with the server's own rules:
 * a forbidden letter (I O S V Z) or a character outside the set at once, how many characters are
 * left, too many, then the check character at 18.
 */
export function usccHint(value: string): FieldMessage | null {
  if (value === '') return null;
  if (/[IOSVZ]/.test(value)) return { tone: 'error', text: USCC_MESSAGES.forbidden };
  if (Array.from(value).some((ch) => !USCC_CHARSET.includes(ch))) return { tone: 'error', text: USCC_MESSAGES.characters };
  if (value.length < USCC_LENGTH) return { tone: 'info', text: `${USCC_MESSAGES.length}，还需输入 ${USCC_LENGTH - value.length} 位` };
  if (value.length > USCC_LENGTH) return { tone: 'error', text: `${USCC_MESSAGES.length}，已输入 ${value.length} 位` };
  const problem = usccProblem(value);
  if (problem) return { tone: 'error', text: USCC_MESSAGES[problem] };
  return { tone: 'ok', text: `代码校验通过，认证后对外显示为 ${maskUscc(value)}` };
}

/** The message that stops a submission, or null when the code passes every check. */
export function usccError(value: string): string | null {
  const problem = usccProblem(value);
  return problem ? USCC_MESSAGES[problem] : null;
}

export function enterpriseNameError(value: string): string | null {
  const n = value.trim().length;
  if (n < 4) return '请输入营业执照上的企业全称（至少 4 个字）';
  if (n > 60) return '企业名称不能超过 60 个字';
  return null;
}
