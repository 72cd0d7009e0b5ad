/** 信用动态: the credit centre's notices (public to read, managed in the console). */
import type { NoticeInput, NoticeView, NoticesPage } from '../../../functions/notices/notices.schemas';
import { queryString, request, type PageQuery, type RequestOptions } from './api';

export type { NoticeInput, NoticeView, NoticesPage };
export type NoticeCategory = NoticeInput['category'];

export const NOTICE_CATEGORY_OPTIONS: ReadonlyArray<{ value: NoticeCategory; label: string }> = [
  { value: 'notice', label: '通知公告' },
  { value: 'policy', label: '政策解读' },
  { value: 'news', label: '工作动态' },
];

export const NOTICES_PAGE = '/packages/public/notices/index';

/** Newest first; public (no session needed). */
export const getNotices = (query: PageQuery = {}, options?: RequestOptions) =>
  request<NoticesPage>('GET', `/api/notices${queryString({ limit: query.limit, cursor: query.cursor })}`, undefined, options);

export const publishNotice = (input: NoticeInput, options?: RequestOptions) =>
  request<NoticeView>('POST', '/api/admin/notices', input, options);

/** `409 EDIT_CONFLICT` when the notice changed (or was taken down) since `expectedUpdatedAt`. */
export const editNotice = (id: string, notice: NoticeInput, expectedUpdatedAt: string, options?: RequestOptions) =>
  request<NoticeView>('PUT', `/api/admin/notices/${encodeURIComponent(id)}`, { notice, expectedUpdatedAt }, options);

export const withdrawNotice = (id: string, options?: RequestOptions) =>
  request<void>('DELETE', `/api/admin/notices/${encodeURIComponent(id)}`, undefined, options);
