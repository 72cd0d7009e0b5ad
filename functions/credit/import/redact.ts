import { maskIdNumber } from '../../shared/domain/identifiers';

/**
 * What the importer writes about a rejected record must not hold a plaintext ID number, even a
 * mistyped one (a wrong check character is still someone's number): the rejects file lies
 * around on a department's disk. A person's `subjectId` is always masked; anywhere else, any run
 * of 15 or more digits (an ID number's shape, with or without its check character) is masked the
 * same way, `4101**********1234`. The line number and the reason stay, so the department can
 * find the line in its own file.
 */
const LONG_DIGITS = /\d{14,}[\dXx]?/g;
const HAS_LONG_DIGITS = /\d{14,}[\dXx]?/;

const maskRun = (s: string) => (s.length >= 9 ? maskIdNumber(s) : '*'.repeat(s.length));

export function redactText(text: string): string {
  return text.replace(LONG_DIGITS, maskRun);
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number' || typeof value === 'bigint') {
    const s = String(value);
    return HAS_LONG_DIGITS.test(s) ? redactText(s) : value;
  }
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v)]));
  return value;
}

export function redactRecord(record: Record<string, unknown>): Record<string, unknown> {
  const out = redactValue(record) as Record<string, unknown>;
  const subject = record.subjectId;
  if (record.subjectType !== 'enterprise' && (typeof subject === 'string' || typeof subject === 'number')) {
    out.subjectId = maskRun(String(subject));
  }
  return out;
}
