import { residentOwner, type AccessEntry } from '../access-log/access-log';
import type { Redemption } from './incentives.repository';

/** What the resident's access log calls a merchant's check at the counter. */
export const REDEMPTION_PURPOSE = '信易+ 核销';

export const redemptionCheckWhat = (incentiveTitle: string) => `核验「${incentiveTitle}」使用资格（是否符合条件、姓名脱敏）`;
export const refusedCheckWhat = (incentiveTitle: string, refusal: string) => `核验「${incentiveTitle}」使用资格：未通过（${refusal}）`;

/**
 * A redemption as the resident's access-log entry: the merchant read whether the resident is
 * eligible and their masked name. The redemption item is that record (no second item is written).
 */
export function redemptionAccessEntry(r: Redemption): AccessEntry {
  return {
    id: r.id,
    owner: residentOwner(r.residentUserId),
    at: r.redeemedAt,
    actor: { userId: r.merchantUserId, orgId: r.orgId, orgName: r.orgName, role: 'merchant' },
    purpose: REDEMPTION_PURPOSE,
    what: redemptionCheckWhat(r.incentiveTitle),
  };
}
