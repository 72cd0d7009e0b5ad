import type { AppDeps } from '../container';
import { errors } from '../shared/http/app-error';
import { noticeView } from './notices.domain';
import type { NoticeInput, NoticeView } from './notices.schemas';

/**
 * The credit centre corrects a published notice.
 * 1. 404 when the notice is gone.
 * 2. Replace it only over the version the editor saw (409 EDIT_CONFLICT otherwise); the
 *    publication time, and so its place in the list, stays.
 */
export async function editNotice(deps: Pick<AppDeps, 'notices' | 'clock'>, id: string, input: NoticeInput, expectedUpdatedAt: string): Promise<NoticeView> {
  const current = await deps.notices.get(id);
  if (!current) throw errors.notFound('该公告不存在或已撤下');
  let updatedAt = deps.clock.now().toISOString();
  // A save within the same millisecond as the version it replaces still moves the version on.
  if (updatedAt <= current.updatedAt) updatedAt = new Date(new Date(current.updatedAt).getTime() + 1).toISOString();
  const next = { ...current, ...input, updatedAt };
  if (!(await deps.notices.replace(next, expectedUpdatedAt))) {
    throw errors.conflict('EDIT_CONFLICT', '该公告刚被修改或已撤下，请刷新后重试');
  }
  return noticeView(next);
}
