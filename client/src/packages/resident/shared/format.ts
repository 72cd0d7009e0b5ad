import type { CreditEventView, RuleView } from '../../../services/api';

export { chinaDate, chinaDateTime } from '../../../services/time';

const MINUS = '\u2212';

/** `+5`, `−8` (a real minus sign), `0`. */
export function signedPoints(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `${MINUS}${Math.abs(n)}`;
  return '0';
}

export const STATUS_LABELS: Record<CreditEventView['status'], string> = {
  active: '生效中',
  expired: '已过期',
  repaired: '已修复',
  disputed: '异议处理中',
};

export const SEVERITY_LABELS: Record<NonNullable<CreditEventView['severity']>, string> = {
  light: '轻微',
  general: '一般',
  serious: '严重',
};

/** Why an event counts other than its rule's points. */
function shortfallReason(event: CreditEventView): string {
  if (event.status === 'expired') return '已过期';
  if (event.status === 'repaired') return '已修复';
  return '已达年度上限';
}

/**
 * What an event adds: `+5`, or `+5（已达年度上限，计 0 分）` when caps, expiry or repair make it
 * count differently from its rule.
 */
export function countedText(event: CreditEventView): string {
  const rule = signedPoints(event.points);
  if (event.countedPoints === event.points) return rule;
  const now = event.countedPoints === 0 ? '0' : event.countedPoints < 0 ? signedPoints(event.countedPoints) : String(event.countedPoints);
  return `${rule}（${shortfallReason(event)}，计 ${now} 分）`;
}

export const SUBJECT_LABELS: Record<RuleView['subjectType'], string> = {
  person: '自然人',
  enterprise: '企业',
};

/** How long a rule's events count, in words, for the rules catalogue. */
export function ruleDuration(rule: RuleView): { label: string; value: string }[] {
  if (rule.points >= 0 || !rule.severity) {
    return [{ label: '有效期', value: `自记录之日起计分 ${rule.validityMonths} 个月` }];
  }
  const min = rule.minPublicationMonths ?? 0;
  const severity = SEVERITY_LABELS[rule.severity];
  return [
    {
      label: '公示期',
      value:
        min === 0
          ? `${severity}失信，最长 ${rule.validityMonths} 个月，期满不再计分`
          : `${severity}失信，${min}–${rule.validityMonths} 个月，期满不再计分`,
    },
    {
      label: '信用修复',
      value: min === 0 ? '纠正失信行为后即可申请（免费）' : `公示满 ${min} 个月后可申请（免费）`,
    },
  ];
}

/** `每年最多加 15 分` / `每年最多扣 6 分`. */
export function yearlyCapText(rule: RuleView): string {
  return rule.points >= 0 ? `每年最多加 ${rule.yearlyCap} 分` : `每年最多扣 ${rule.yearlyCap} 分`;
}
