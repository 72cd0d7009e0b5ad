import { isApiError, type Role } from '../../../services/api';

export const CODE_MAX = 16;

/** Letters raised, anything outside [0-9A-Z] dropped (spaces, dashes people add), at most 16. */
export const normaliseCode = (value: string) => value.toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, CODE_MAX);

const MESSAGES: Record<string, string> = {
  INVITATION_NOT_FOUND: '没有找到这个邀请码，请核对后重新输入（注意区分数字 0 和字母 O）。',
  INVITATION_USED: '这个邀请码已经被使用过了。每个邀请码只能使用一次，请联系单位管理员重新邀请。',
  INVITATION_EXPIRED: '这个邀请码已过期（有效期 72 小时），请联系单位管理员重新邀请。',
  ALREADY_STAFF: '您已是其他单位的工作人员，一个账号只能加入一个单位。如需更换，请先请原单位管理员将您移除。',
  VALIDATION_FAILED: '邀请码格式不正确：由数字和大写字母组成，最多 16 位。',
};

/** The codes the join page explains itself (so no toast repeats them). */
export const JOIN_ERROR_CODES = Object.keys(MESSAGES);

/** What went wrong with a code, in words the person can act on. */
export function joinErrorMessage(error: unknown): string {
  if (isApiError(error)) return MESSAGES[error.code] ?? error.message;
  return '加入失败，请稍后重试';
}

const STAFF_ROLES: readonly Role[] = ['merchant', 'bank', 'department', 'admin'];

/** The staff role the new token carries (the one the invitation gave). */
export const joinedRole = (roles: readonly Role[]): Role | null => roles.find((r) => STAFF_ROLES.includes(r)) ?? null;
