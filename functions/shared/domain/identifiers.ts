/**
 * Check-character validation of the two national identifiers, and their masking.
 * Pure functions, no I/O: the client uses the same module (through a copy-free import) as the server.
 */

// GB 11643-1999 resident identity number: 17 digits + check character.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export type IdNumberProblem = 'length' | 'characters' | 'birthdate' | 'check';

export function idNumberProblem(value: string): IdNumberProblem | null {
  if (value.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(value)) return 'characters';
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1850 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return 'birthdate';
  }
  return idCheckChar(value.slice(0, 17)) === value[17] ? null : 'check';
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  length: '身份证号码应为 18 位',
  characters: '身份证号码只能包含数字，最后一位可以是 X',
  birthdate: '身份证号码中的出生日期无效',
  check: '身份证号码校验位不正确，请核对',
};

// GB 32100-2015 unified social credit code: 17 characters + check character.
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'length' | 'forbidden' | 'characters' | 'check';

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export function usccProblem(value: string): UsccProblem | null {
  if (value.length !== 18) return 'length';
  if (/[IOSVZ]/.test(value)) return 'forbidden';
  for (const ch of value) if (!USCC_CHARSET.includes(ch)) return 'characters';
  return usccCheckChar(value.slice(0, 17)) === value[17] ? null : 'check';
}

export const USCC_MESSAGES: Record<UsccProblem, string> = {
  length: '统一社会信用代码应为 18 位',
  forbidden: '统一社会信用代码不使用字母 I、O、S、V、Z',
  characters: '统一社会信用代码只能包含数字和大写字母',
  check: '统一社会信用代码校验位不正确，请核对',
};

/** `410104199003071234` → `4101**********1234`. */
export function maskIdNumber(value: string): string {
  return `${value.slice(0, 4)}${'*'.repeat(Math.max(0, value.length - 8))}${value.slice(-4)}`;
}

const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯', '轩辕', '长孙', '宇文', '西门', '端木', '独孤', '南宫', '呼延'];

/** `张伟` → `张*`, `欧阳娜` → `欧阳*`: the surname stays, the given name is hidden. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  const keep = chars.length > 2 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join('')) ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}

/** `91410104MA44ABCD1X` → `914101**********1X`: others see the region, not the whole code. */
export function maskUscc(value: string): string {
  return `${value.slice(0, 6)}${'*'.repeat(Math.max(0, value.length - 8))}${value.slice(-2)}`;
}
