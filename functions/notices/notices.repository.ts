import * as dynamoose from 'dynamoose';
import { keys } from '../shared/db/keys';
import { defineModel, getPlainItem, isConditionalFailure } from '../shared/db/models';
import type { Notice } from './notices.domain';

const NoticeModel = defineModel('Notice', { noticeId: String, category: String, title: String, body: String, publishedAt: String, updatedAt: String });

const toNotice = (d: Record<string, any>): Notice => ({
  id: d.noticeId,
  category: d.category,
  title: d.title,
  body: d.body,
  publishedAt: d.publishedAt,
  updatedAt: d.updatedAt,
});

const item = (n: Notice) => ({ ...keys.notice(n.id), entity: 'Notice', noticeId: n.id, category: n.category, title: n.title, body: n.body, publishedAt: n.publishedAt, updatedAt: n.updatedAt });

/** 信用动态: every notice in one partition, its sort key the id (which starts with the publication time). */
export class NoticesRepository {
  constructor(private readonly tableName: string) {}

  /** One page, newest first: a Query on the notices' partition, never a scan. */
  async list(limit: number, after?: string): Promise<{ items: Notice[]; last?: string }> {
    const { pk, skPrefix } = keys.noticesPrefix();
    let q = NoticeModel.query('pk').eq(pk).where('sk').beginsWith(skPrefix).sort('descending').limit(limit);
    if (after) q = q.startAt({ pk, sk: after });
    const docs = await q.exec();
    const last = docs.lastKey as { sk?: string } | undefined;
    return { items: docs.map((doc) => toNotice(doc.toJSON())), ...(last?.sk ? { last: last.sk } : {}) };
  }

  async get(id: string): Promise<Notice | null> {
    const d = await getPlainItem(this.tableName, keys.notice(id), true);
    return d ? toNotice(d) : null;
  }

  /** Puts a new notice; false when one with this id exists (a seeded notice on a second run). */
  async createIfAbsent(n: Notice): Promise<boolean> {
    try {
      await NoticeModel.create(item(n), { overwrite: false });
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }

  /**
   * Replaces a notice only over the version the editor saw: of two editors saving over the same
   * version exactly one wins (the condition on updatedAt), and a deleted notice is never re-created.
   */
  async replace(n: Notice, expectedUpdatedAt: string): Promise<boolean> {
    try {
      await NoticeModel.create(item(n), { overwrite: true, condition: new dynamoose.Condition('pk').exists().and().where('updatedAt').eq(expectedUpdatedAt) });
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }

  /** Takes a notice down; false when it was not there. */
  async remove(id: string): Promise<boolean> {
    try {
      await NoticeModel.delete(keys.notice(id), { condition: new dynamoose.Condition('pk').exists() });
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }
}
