/**
 * Check-character validation of the two national identifiers, and their masking.
 * Pure functions, no I/O: the client uses the same module (through a copy-free import) as the server.
 */

// GB 11643-1999 resident identity number: 6-digit address code, 8-digit birth date, 3-digit
// sequence, check character.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * The first two digits of the address code (GB/T 2260): China's provinces, autonomous regions and
 * municipalities, Taiwan (71), Hong Kong (81) and Macao (82). No other code has ever been issued.
 */
export const ID_PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
];

/** No holder of a resident ID number was born before this year. */
export const ID_EARLIEST_BIRTH_YEAR = 1900;

export type IdNumberProblem = 'length' | 'characters' | 'province' | 'birthdate' | 'born-before-1900' | 'born-in-future' | 'check';

/** The calendar date in China (UTC+8, no daylight saving) at `at`, as `YYYYMMDD`. */
function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * What is wrong with a resident ID number, or null. Checked in this order: length, characters,
 * province code, birth date (a real date, from 1900, not after today in China), check character.
 * `now` is the moment "today" is taken from; the server passes its clock, the client may omit it.
 */
export function idNumberProblem(value: string, now: Date = new Date()): IdNumberProblem | null {
  if (value.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(value)) return 'characters';
  if (!ID_PROVINCE_CODES.includes(value.slice(0, 2))) return 'province';
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'birthdate';
  if (y < ID_EARLIEST_BIRTH_YEAR) return 'born-before-1900';
  if (value.slice(6, 14) > chinaDate(now)) return 'born-in-future';
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
  province: '身份证号码前两位不是有效的省级行政区代码，请核对',
  birthdate: '身份证号码中的出生日期无效',
  'born-before-1900': '身份证号码中的出生日期早于 1900 年，请核对',
  'born-in-future': '身份证号码中的出生日期晚于今天，请核对',
  check: '身份证号码校验位不正确，请核对',
};

// GB 32100-2015 unified social credit code: 17 characters + check character.
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'length' | 'forbidden' | 'characters' | UsccStructureProblem | 'check';

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export function usccProblem(value: string): UsccProblem | null {
  if (value.length !== 18) return 'length';
  if (/[IOSVZ]/.test(value)) return 'forbidden';
  for (const ch of value) if (!USCC_CHARSET.includes(ch)) return 'characters';
  const structure = usccStructureProblem(value);
  if (structure) return structure;
  return usccCheckChar(value.slice(0, 17)) === value[17] ? null : 'check';
}

export const USCC_MESSAGES: Record<UsccProblem, string> = {
  length: '统一社会信用代码应为 18 位',
  forbidden: '统一社会信用代码不使用字母 I、O、S、V、Z',
  characters: '统一社会信用代码只能包含数字和大写字母',
  authority: '统一社会信用代码第 1 位（登记管理部门代码）无效：应为 1–9、A、N 或 Y',
  orgType: '统一社会信用代码第 2 位（机构类别代码）与第 1 位的登记管理部门不匹配，GB 32100 未定义这一组合',
  division: '统一社会信用代码第 3–8 位（登记管理机关行政区划码）无效：应为 6 位数字，前两位是省级行政区划代码',
  check: '统一社会信用代码校验位不正确，请核对',
};

/**
 * GB 32100-2015 beyond the check character: position 1 is the registration authority, position 2
 * an organisation type that authority defines (the published code table: 1 机构编制 — 1 机关,
 * 2 事业单位, 3 中央编办直接管理机构编制的群众团体, 9 其他; 2 外交; 3 司法行政; 4 文化; 5 民政 —
 * 1 社会团体, 2 民办非企业单位, 3 基金会, 9 其他; 6 旅游; 7 宗教; 8 工会; 9 工商 — 1 企业,
 * 2 个体工商户, 3 农民专业合作社; A 中央军委改革和编制办公室; N 农业; Y 其他 — 1).
 */
export const USCC_ORG_TYPES: Readonly<Record<string, readonly string[]>> = {
  '1': ['1', '2', '3', '9'],
  '2': ['1', '9'],
  '3': ['1', '2', '3', '4', '5', '9'],
  '4': ['1', '9'],
  '5': ['1', '2', '3', '9'],
  '6': ['1', '2', '9'],
  '7': ['1', '2', '9'],
  '8': ['1', '9'],
  '9': ['1', '2', '3'],
  A: ['1', '9'],
  N: ['1', '2', '3', '9'],
  Y: ['1'],
};

/** Province-level codes of GB/T 2260 (the first two digits of a division code). */
const USCC_PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

export type UsccStructureProblem = 'authority' | 'orgType' | 'division';

/**
 * The structure of a code of 18 allowed characters: authority and organisation type a pair the
 * standard defines, positions 3–8 a division code (a province's, or 100000 for authorities at
 * national level, e.g. 民政部's 51100000…).
 */
export function usccStructureProblem(value: string): UsccStructureProblem | null {
  const types = USCC_ORG_TYPES[value[0]];
  if (!types) return 'authority';
  if (!types.includes(value[1])) return 'orgType';
  const division = value.slice(2, 8);
  if (!/^\d{6}$/.test(division) || !(division === '100000' || USCC_PROVINCES.has(division.slice(0, 2)))) return 'division';
  return null;
}

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
