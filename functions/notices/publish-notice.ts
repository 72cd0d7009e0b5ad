import type { AppDeps } from '../container';
import { newNoticeId, noticeView, type Notice } from './notices.domain';
import type { NoticeInput, NoticeView } from './notices.schemas';

/**
 * The credit centre publishes a notice (信用动态).
 * 1. Stamp it with the time and an id that sorts by that time.
 * 2. Create it (a fresh id, so it never replaces another notice).
 */
export async function publishNotice(deps: Pick<AppDeps, 'notices' | 'clock'>, input: NoticeInput): Promise<NoticeView> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const notice: Notice = { ...input, id: newNoticeId(now), publishedAt: at, updatedAt: at };
  if (!(await deps.notices.createIfAbsent(notice))) throw new Error('notice id collision');
  return noticeView(notice);
}
