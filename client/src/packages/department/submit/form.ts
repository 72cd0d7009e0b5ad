/**
 * The 报送一条记录 form without its looks: default source ids, the checks made before sending
 * (the server makes them again), the record sent, and what its answer means.
 */
import type { CreditRecordInput, CreditRecordsResult, RuleView, SubjectType } from '../../../services/department-api';
import { addDays } from '../../../services/time';
import { reasonText } from '../shared/codes';
import { subjectError } from '../shared/subject';

export const SOURCE_ID_MAX = 64;
const SOURCE_ID_PATTERN = /^[0-9A-Za-z_.:\-/]+$/;
const RANDOM_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Records are collected for at most 5 years. */
const MAX_AGE_DAYS = 5 * 365;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A source id unique enough for one clerk's typing speed: the department (without `org-`), the
 * China time to the second and four random characters, e.g. `DEPT-MARKET-20261203-143015-K7Q2`.
 */
export function generateSourceId(orgId: string, now: Date = new Date(), random: () => number = Math.random): string {
  const prefix =
    orgId
      .replace(/^org-/, '')
      .replace(/[^0-9A-Za-z_.:\-/]/g, '')
      .toUpperCase()
      .slice(0, 32) || 'DEPT';
  const t = new Date(now.getTime() + 8 * 3600 * 1000);
  const stamp = `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}-${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}`;
  const tail = Array.from({ length: 4 }, () => RANDOM_ALPHABET[Math.floor(random() * RANDOM_ALPHABET.length)]).join('');
  return `${prefix}-${stamp}-${tail}`;
}

export function sourceIdError(value: string): string | null {
  if (value === '') return '请输入来源编号';
  if (value.length > SOURCE_ID_MAX) return `来源编号不能超过 ${SOURCE_ID_MAX} 个字符`;
  if (!SOURCE_ID_PATTERN.test(value)) return '来源编号只能包含字母、数字和 _ . : - /';
  return null;
}

/** The earliest day a record may have happened on. */
export const earliestDay = (today: string) => addDays(today, -MAX_AGE_DAYS);

export function dateError(day: string, today: string): string | null {
  if (day === '') return '请选择发生日期';
  if (day > today) return '发生日期不能晚于今天';
  if (day < earliestDay(today)) return '记录发生已超过 5 年，依规不再归集';
  return null;
}

/** A day in China sent as its first moment: never in the future once the day has begun. */
export const occurredAtOf = (day: string) => `${day}T00:00:00+08:00`;

export interface SubmitForm {
  subjectType: SubjectType;
  subjectId: string;
  rule: RuleView | null;
  day: string;
  note: string;
  sourceId: string;
}

export type FieldKey = 'subject' | 'rule' | 'day' | 'note' | 'sourceId';
export type FormErrors = Partial<Record<FieldKey, string>>;

export const NOTE_MAX = 200;

/** Every problem the form can see before sending. */
export function formErrors(form: SubmitForm, today: string): FormErrors {
  const errors: FormErrors = {};
  const subject = subjectError(form.subjectType, form.subjectId);
  if (subject) errors.subject = subject;
  if (!form.rule) errors.rule = '请选择规则';
  else if (form.rule.subjectType !== form.subjectType) errors.rule = `该规则适用于${form.rule.subjectType === 'person' ? '个人' : '企业'}，请重新选择`;
  const day = dateError(form.day, today);
  if (day) errors.day = day;
  if (form.note.trim().length > NOTE_MAX) errors.note = `备注不能超过 ${NOTE_MAX} 字`;
  const source = sourceIdError(form.sourceId);
  if (source) errors.sourceId = source;
  return errors;
}

/** The record sent: the rule's own severity goes with a negative rule (the server requires it to match). */
export function toRecord(form: SubmitForm & { rule: RuleView }): CreditRecordInput {
  const note = form.note.trim();
  return {
    sourceId: form.sourceId,
    subjectType: form.subjectType,
    subjectId: form.subjectId,
    ruleId: form.rule.id,
    occurredAt: occurredAtOf(form.day),
    ...(form.rule.severity ? { severity: form.rule.severity } : {}),
    ...(note ? { note } : {}),
  };
}

export type SingleOutcome =
  | { kind: 'accepted' }
  | { kind: 'duplicate' }
  | { kind: 'rejected'; code: string; reason: string; field?: FieldKey };

const FIELD_OF_CODE: Record<string, FieldKey> = {
  INVALID_ID_NUMBER: 'subject',
  INVALID_USCC: 'subject',
  FUTURE_DATE: 'day',
  TOO_OLD: 'day',
  NO_RULE_IN_FORCE: 'day',
  UNKNOWN_RULE: 'rule',
  RULE_NOT_YOURS: 'rule',
  SUBJECT_TYPE_MISMATCH: 'rule',
  SEVERITY_MISMATCH: 'rule',
};

/** What the answer to a one-record call says about that record. */
export function singleOutcome(answer: CreditRecordsResult): SingleOutcome {
  const rejection = answer.rejected[0];
  if (rejection) return { kind: 'rejected', code: rejection.code, reason: reasonText(rejection.code, rejection.message), field: FIELD_OF_CODE[rejection.code] };
  if (answer.duplicates > 0) return { kind: 'duplicate' };
  return { kind: 'accepted' };
}
