import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { registeredEnterprise, verifiedPerson } from '../../support/enterprises';
import { staffMember } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('credit commitments (信用承诺)', () => {
  let t: TestApp;
  let market: string;
  let admin: string;
  beforeAll(async () => {
    t = await testApp();
    [market, admin] = await Promise.all([loginAs(t.app, 'dept-market'), loginAs(t.app, 'admin')]);
  });
  const sign = (token: string, body: object, key?: string) => {
    const req = request(t.app).post('/api/commitments').set(auth(token));
    return (key ? req.set('idempotency-key', key) : req).send(body);
  };
  const breach = (token: string, id: string, body: object) => request(t.app).post(`/api/commitments/${id}/breaches`).set(auth(token)).send(body);
  const publicPage = (uscc: string) => request(t.app).get(`/api/public/enterprises/${uscc}`);
  const breachEvents = async (token: string) =>
    ((await request(t.app).get('/api/enterprises/me').set(auth(token))).body.events as Array<{ ruleId: string; id: string }>).filter((e) => e.ruleId.startsWith('E-ETH-0') && e.ruleId !== 'E-ETH-01' && e.ruleId !== 'E-ETH-02');

  it('publishes the four types of template, with their clauses, to anyone signed out', async () => {
    const res = await request(t.app).get('/api/commitment-templates');
    expect(res.status).toBe(200);
    const types = res.body.items.map((i: { type: string }) => i.type);
    for (const type of ['proactive', 'approval', 'industry', 'repair']) expect(types).toContain(type);
    const approval = res.body.items.find((i: { id: string }) => i.id === 'tpl-approval');
    expect(approval).toMatchObject({ typeLabel: '审批替代型（告知承诺）', subjectMatter: { required: true } });
    const text = approval.clauses.join('');
    for (const clause of ['真实', '遵守', '监督', '公开']) expect(text).toContain(clause);
  });

  it('lets a registered business sign; the commitment is public at once with its date, signed out', async () => {
    const ent = await registeredEnterprise(t);
    const res = await sign(ent.token, { templateId: 'tpl-proactive' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^cm-/), signedAt: expect.any(String) });
    const page = await publicPage(ent.uscc);
    expect(page.status).toBe(200);
    expect(page.body.commitments).toEqual([expect.objectContaining({ id: res.body.id, type: 'proactive', typeLabel: '主动型', signedAt: res.body.signedAt })]);
    expect(page.body.commitments[0].breach).toBeUndefined();
    const mine = await request(t.app).get('/api/commitments').set(auth(ent.token));
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
  });

  it('needs the subject matter for a 告知承诺, a published template, and a registered business', async () => {
    const ent = await registeredEnterprise(t);
    const noSubject = await sign(ent.token, { templateId: 'tpl-approval' });
    expect(noSubject.status).toBe(400);
    expect(noSubject.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'subjectMatter' })] });
    expect(noSubject.body.error.message).toContain('审批事项');
    expect((await sign(ent.token, { templateId: 'tpl-nope' })).status).toBe(404);
    expect((await sign(ent.token, { templateId: 'tpl-proactive', signedBy: 'someone' })).status).toBe(400);
    const unregistered = await verifiedPerson(t, '孙未认证');
    const refused = await sign(unregistered.token, { templateId: 'tpl-proactive' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('NOT_REGISTERED');
    expect((await sign(await loginAs(t.app, 'res-zhang'), { templateId: 'tpl-proactive' })).status).toBe(403);
    const badKey = await sign(ent.token, { templateId: 'tpl-proactive' }, 'short');
    expect(badKey.status).toBe(400);
  });

  it('makes exactly one commitment of a double tap: the same key, or no key and the same body, at the same moment', async () => {
    const ent = await registeredEnterprise(t);
    const key = `tap-${randomUUID()}`;
    const withKey = await Promise.all(Array.from({ length: 6 }, () => sign(ent.token, { templateId: 'tpl-industry', subjectMatter: '餐饮行业自律公约' }, key)));
    expect(withKey.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(withKey.map((r) => r.body.id)).size).toBe(1);
    const reused = await sign(ent.token, { templateId: 'tpl-proactive' }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const noKey = await Promise.all(Array.from({ length: 6 }, () => sign(ent.token, { templateId: 'tpl-approval', subjectMatter: '食品经营许可' })));
    expect(noKey.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(noKey.map((r) => r.body.id)).size).toBe(1);
    const all = (await request(t.app).get('/api/commitments').set(auth(ent.token))).body.items;
    expect(all).toHaveLength(2);
  });

  it('records a breach once: public on the commitment, and exactly one credit record for the business', async () => {
    const ent = await registeredEnterprise(t);
    const { id } = (await sign(ent.token, { templateId: 'tpl-approval', subjectMatter: '道路运输经营许可' })).body;
    const body = { reason: '承诺的停车场地经核查不存在', occurredOn: today(), severity: 'general' };
    // A department's double tap and a second department at the same moment: one breach, one record.
    const court = (await staffMember(t, 'org-dept-court', 'department')).token;
    const racing = await Promise.all([breach(market, id, body), breach(market, id, body), breach(market, id, body), breach(court, id, { ...body, severity: 'serious' })]);
    const statuses = racing.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const winner = racing.find((r) => r.status === 201)!.body;
    expect(winner).toMatchObject({ commitmentId: id, breach: { reason: body.reason, occurredOn: body.occurredOn }, record: { sourceId: `CMT-BREACH:${id}` } });
    // The department sends it again later: the same answer, still one record.
    const again = await breach(winner.breach.departmentName.includes('法院') ? court : market, id, { ...body, severity: winner.breach.severity });
    expect(again.status).toBe(201);
    const events = await breachEvents(ent.token);
    expect(events).toHaveLength(1);
    expect(events[0].ruleId).toBe(winner.record.ruleId);

    const page = await publicPage(ent.uscc);
    expect(page.body.commitments[0].breach).toMatchObject({ reason: body.reason, occurredOn: body.occurredOn, severity: winner.breach.severity, departmentName: expect.stringContaining('管城') });
    expect(page.body.repairGuidance).toMatchObject({ title: '信用修复' });
    // A different breach of the same commitment is refused.
    const other = await breach(market, id, { ...body, reason: '另一次违诺的说明文字' });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('ALREADY_BREACHED');
  });

  it('refuses a breach before the signing day, in the future, of an unknown commitment, and by a non-department', async () => {
    const ent = await registeredEnterprise(t);
    const { id } = (await sign(ent.token, { templateId: 'tpl-proactive' })).body;
    const early = await breach(market, id, { reason: '签署前发生的事情', occurredOn: '2020-01-01', severity: 'light' });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain('签署');
    const future = await breach(market, id, { reason: '尚未发生的事情', occurredOn: '2999-01-01', severity: 'light' });
    expect(future.status).toBe(400);
    expect((await breach(market, 'cm-unknown', { reason: '不存在的承诺', occurredOn: today(), severity: 'light' })).status).toBe(404);
    expect((await breach(ent.token, id, { reason: '企业自己记录违诺', occurredOn: today(), severity: 'light' })).status).toBe(403);
    expect((await publicPage(ent.uscc)).body.commitments[0].breach).toBeUndefined();
  });

  it('bars a business that breached a 告知承诺 from signing another until the record is repaired (国办发〔2020〕42号)', async () => {
    const ent = await registeredEnterprise(t);
    const { id } = (await sign(ent.token, { templateId: 'tpl-approval', subjectMatter: '公共场所卫生许可' })).body;
    expect((await breach(market, id, { reason: '卫生条件与承诺不符', occurredOn: today(), severity: 'light' })).status).toBe(201);

    const barred = await sign(ent.token, { templateId: 'tpl-approval', subjectMatter: '食品经营许可' });
    expect(barred.status).toBe(409);
    expect(barred.body.error.code).toBe('COMMITMENT_BARRED');
    expect(barred.body.error.message).toContain('信用修复');
    // Other types stay open to it.
    expect((await sign(ent.token, { templateId: 'tpl-repair', subjectMatter: '公共场所卫生许可告知承诺不实' })).status).toBe(201);

    const [event] = await breachEvents(ent.token);
    const repair = await request(t.app).post('/api/repairs').set(auth(ent.token)).send({ eventId: event.id, statement: '已按要求整改卫生条件并通过复查' });
    expect(repair.status).toBe(201);
    expect((await sign(ent.token, { templateId: 'tpl-approval', subjectMatter: '食品经营许可' })).status).toBe(409);
    const decided = await request(t.app).post(`/api/repairs/${repair.body.id}/decision`).set(auth(market)).send({ decision: 'approve', reason: '复查合格，同意修复' });
    expect(decided.status).toBe(200);
    expect((await sign(ent.token, { templateId: 'tpl-approval', subjectMatter: '食品经营许可' })).status).toBe(201);
  });

  it('lets the centre publish, edit and retire templates; a retired one is no longer offered', async () => {
    const created = await request(t.app).post('/api/admin/commitment-templates').set(auth(admin)).send({ type: 'industry', title: '物业服务行业自律承诺书', clauses: ['本单位提交的材料真实有效。', '本单位遵守物业服务行业公约。'] });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await request(t.app).get('/api/commitment-templates')).body.items.map((i: { id: string }) => i.id)).toContain(id);

    const edit = (expectedUpdatedAt: string, status = 'published') =>
      request(t.app).put(`/api/admin/commitment-templates/${id}`).set(auth(admin)).send({ title: '物业服务行业自律信用承诺书', clauses: ['本单位提交的材料真实有效。'], status, expectedUpdatedAt });
    const edited = await edit(created.body.updatedAt);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '物业服务行业自律信用承诺书', clauses: ['本单位提交的材料真实有效。'] });
    const stale = await edit(created.body.updatedAt, 'retired');
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('EDIT_CONFLICT');
    expect((await edit(edited.body.updatedAt, 'retired')).status).toBe(200);

    expect((await request(t.app).get('/api/commitment-templates')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await request(t.app).get('/api/admin/commitment-templates').set(auth(admin))).body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ status: 'retired' });
    const ent = await registeredEnterprise(t);
    expect((await sign(ent.token, { templateId: id })).status).toBe(404);
    expect((await request(t.app).put('/api/admin/commitment-templates/tpl-unknown').set(auth(admin)).send({ title: '不存在的模板标题', clauses: ['条款内容示例'], status: 'published', expectedUpdatedAt: 'x' })).status).toBe(404);
    const invalid = await request(t.app).post('/api/admin/commitment-templates').set(auth(admin)).send({ type: 'other', title: '短', clauses: [] });
    expect(invalid.status).toBe(400);
  });
});
