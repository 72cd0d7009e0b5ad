import request from 'supertest';
import type { Clock } from '../../../functions/shared/domain/clock';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

/** 信用动态: public to read (newest first, paged), published, corrected and taken down by the credit centre only. */
describe('信用动态 (notices)', () => {
  let t: TestApp;
  let admin: string;
  // Every action one minute after the previous, from a moment later than anything seeded.
  let tick = 0;
  const clock: Clock = { now: () => new Date(Date.UTC(2031, 0, 5, 1, 0, 0) + tick++ * 60_000) };
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const input = (n: number) => ({ category: 'notice', title: `测试公告第 ${n} 号`, body: `这是第 ${n} 号测试公告的正文内容，供集成测试使用。` });
  const publish = (body: object, token = admin) => request(t.app).post('/api/admin/notices').set(auth(token)).send(body);

  beforeAll(async () => {
    t = await testApp({}, { clock });
    admin = await loginAs(t.app, 'admin');
  });

  it('lists the seeded notices to anyone, without a session, newest first', async () => {
    const res = await request(t.app).get('/api/notices');
    expect(res.status).toBe(200);
    const demo = res.body.items.filter((n: { id: string }) => n.id.endsWith('-0000d003') || n.id.endsWith('-0000d002') || n.id.endsWith('-0000d001'));
    expect(demo.map((n: { title: string }) => n.title)).toEqual(['信易游新增区博物馆免费入馆场景', '信用修复怎么办？办理流程一览', '“诚信管城”信用服务小程序上线试运行']);
    expect(demo[0]).toMatchObject({ category: 'news', categoryLabel: '工作动态', publishedAt: '2026-12-01T02:00:00.000Z' });
  });

  it('publishes notices that come first in the public list and pages through them with a cursor', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3, 4, 5]) {
      const res = await publish(input(n));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ ...input(n), categoryLabel: '通知公告' });
      expect(res.body.publishedAt).toBe(res.body.updatedAt);
      ids.push(res.body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await request(t.app).get('/api/notices').query({ limit: 2, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((n: { id: string }) => n.id));
      cursor = res.body.nextCursor;
    } while (cursor && seen.length < 20);
    // Nothing twice, and the five new ones first, the latest at the top.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 5)).toEqual([...ids].reverse());
  });

  it('refuses a cursor it did not issue with 400', async () => {
    const res = await request(t.app).get('/api/notices').query({ cursor: 'bm90LWEtY3Vyc29y' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses an empty title, an unknown category and unknown fields with 400 in Chinese, storing nothing', async () => {
    const before = (await request(t.app).get('/api/notices').query({ limit: 100 })).body.items.length;
    for (const body of [
      { ...input(9), title: '' },
      { ...input(9), category: 'ads' },
      { ...input(9), pinned: true },
      { ...input(9), body: '太短' },
    ]) {
      const res = await publish(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await request(t.app).get('/api/notices').query({ limit: 100 })).body.items.length).toBe(before);
  });

  it('corrects a notice over the version the editor saw, keeping its place; a stale version gets 409 EDIT_CONFLICT', async () => {
    const created = (await publish(input(20))).body;
    const edited = await request(t.app)
      .put(`/api/admin/notices/${created.id}`)
      .set(auth(admin))
      .send({ notice: { ...input(20), title: '测试公告第 20 号（更正）', category: 'policy' }, expectedUpdatedAt: created.updatedAt });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: created.id, title: '测试公告第 20 号（更正）', categoryLabel: '政策解读', publishedAt: created.publishedAt });
    expect(edited.body.updatedAt > created.updatedAt).toBe(true);

    const stale = await request(t.app).put(`/api/admin/notices/${created.id}`).set(auth(admin)).send({ notice: input(20), expectedUpdatedAt: created.updatedAt });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('EDIT_CONFLICT');
    const listed = (await request(t.app).get('/api/notices')).body.items.find((n: { id: string }) => n.id === created.id);
    expect(listed.title).toBe('测试公告第 20 号（更正）');
  });

  it('lets exactly one of two editors saving over the same version win', async () => {
    const created = (await publish(input(30))).body;
    const save = (title: string) =>
      request(t.app).put(`/api/admin/notices/${created.id}`).set(auth(admin)).send({ notice: { ...input(30), title }, expectedUpdatedAt: created.updatedAt });
    const results = await Promise.all([save('编辑甲的标题内容'), save('编辑乙的标题内容'), save('编辑丙的标题内容')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.status === 200)!.body.title;
    const listed = (await request(t.app).get('/api/notices')).body.items.find((n: { id: string }) => n.id === created.id);
    expect(listed.title).toBe(winner);
  });

  it('takes a notice down: gone from the public list, a second take-down and an edit get 404', async () => {
    const created = (await publish(input(40))).body;
    const del = await request(t.app).delete(`/api/admin/notices/${created.id}`).set(auth(admin));
    expect(del.status).toBe(204);
    const ids = (await request(t.app).get('/api/notices').query({ limit: 100 })).body.items.map((n: { id: string }) => n.id);
    expect(ids).not.toContain(created.id);
    const again = await request(t.app).delete(`/api/admin/notices/${created.id}`).set(auth(admin));
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('NOT_FOUND');
    const edit = await request(t.app).put(`/api/admin/notices/${created.id}`).set(auth(admin)).send({ notice: input(40), expectedUpdatedAt: created.updatedAt });
    expect(edit.status).toBe(404);
  });

  it('refuses a malformed notice id with 400 and an unknown one with 404', async () => {
    const bad = await request(t.app).delete('/api/admin/notices/museum-free-entry').set(auth(admin));
    expect(bad.status).toBe(400);
    const unknown = await request(t.app).delete('/api/admin/notices/20300101000000000-deadbeef').set(auth(admin));
    expect(unknown.status).toBe(404);
  });

  it('refuses every other role and no session: nothing published, edited or taken down', async () => {
    const created = (await publish(input(50))).body;
    for (const who of ['res-zhang', 'mer-museum', 'ent-huaxin', 'bank-zy', 'dept-market']) {
      const token = await loginAs(t.app, who);
      expect((await publish(input(51), token)).status).toBe(403);
      const edit = await request(t.app).put(`/api/admin/notices/${created.id}`).set(auth(token)).send({ notice: { ...input(50), title: '越权修改的标题' }, expectedUpdatedAt: created.updatedAt });
      expect(edit.status).toBe(403);
      expect(Object.keys(edit.body)).toEqual(['error']);
      expect((await request(t.app).delete(`/api/admin/notices/${created.id}`).set(auth(token))).status).toBe(403);
    }
    expect((await request(t.app).post('/api/admin/notices').send(input(52))).status).toBe(401);
    expect((await request(t.app).delete(`/api/admin/notices/${created.id}`)).status).toBe(401);
    const items = (await request(t.app).get('/api/notices').query({ limit: 100 })).body.items as Array<{ id: string; title: string }>;
    expect(items.find((n) => n.id === created.id)?.title).toBe('测试公告第 50 号');
    expect(items.some((n) => n.title === '测试公告第 51 号' || n.title === '测试公告第 52 号')).toBe(false);
  });
});
