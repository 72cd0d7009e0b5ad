import { randomBytes } from 'node:crypto';
import { NOTICE_CATEGORY_LABELS, type NoticeInput, type NoticeView } from './notices.schemas';

/** A notice of the credit centre (信用动态) as stored. */
export interface Notice extends NoticeInput {
  id: string;
  publishedAt: string;
  updatedAt: string;
}

/**
 * A new notice's id: `yyyyMMddHHmmssSSS` (UTC) of its publication and 8 random hex digits. The
 * id is the sort key's tail, so the list reads newest first straight from the partition.
 */
export function newNoticeId(at: Date, tail: string = randomBytes(4).toString('hex')): string {
  const stamp = at.toISOString().replace(/[-:TZ.]/g, '');
  return `${stamp}-${tail}`;
}

export const noticeView = (n: Notice): NoticeView => ({ ...n, categoryLabel: NOTICE_CATEGORY_LABELS[n.category] });
