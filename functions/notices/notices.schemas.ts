import { z } from 'zod';

/** A notice's id: its publication moment to the millisecond (UTC) and a random tail, so ids sort by time. */
export const NOTICE_ID = /^\d{17}-[0-9a-f]{8}$/;

export const NOTICE_CATEGORIES = ['notice', 'policy', 'news'] as const;
export const NOTICE_CATEGORY_LABELS: Record<(typeof NOTICE_CATEGORIES)[number], string> = {
  notice: '通知公告',
  policy: '政策解读',
  news: '工作动态',
};

export const noticeInput = z.strictObject({
  category: z.enum(NOTICE_CATEGORIES, { message: '栏目须为通知公告、政策解读或工作动态' }),
  title: z.string().trim().min(4, '标题至少 4 个字').max(60, '标题最多 60 个字'),
  body: z.string().trim().min(10, '正文至少 10 个字').max(3000, '正文最多 3000 个字'),
});

export const noticeView = noticeInput.extend({
  id: z.string(),
  categoryLabel: z.string(),
  publishedAt: z.string(),
  updatedAt: z.string(),
});

export const noticesPage = z.object({ items: z.array(noticeView), nextCursor: z.string().nullable() });

export const noticeIdParams = z.strictObject({ id: z.string().regex(NOTICE_ID, '公告编号无效') });

export const editNoticeBody = z.strictObject({ notice: noticeInput, expectedUpdatedAt: z.string().min(1).max(40) });

export type NoticeInput = z.infer<typeof noticeInput>;
export type NoticeView = z.infer<typeof noticeView>;
export type NoticesPage = z.infer<typeof noticesPage>;
