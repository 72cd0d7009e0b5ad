import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { fixedClock } from '../../../functions/shared/domain/clock';
import { registeredEnterprise, verifiedPerson } from '../../support/enterprises';
import { daysAgo, randomUscc, staffMember } from '../../support/people';
import { inRegistry } from '../../support/registry';
import { testApp, type TestApp } from '../../support/test-app';

interface Result {
  uscc: string;
  name: string;
  verdict: 'clear' | 'restricted' | 'not_found';
  reasons: string[];
  notes: string[];
}

describe('信用核查: POST /api/credit-checks', () => {
  let t: TestApp;
  let market: string;
  let court: string;
  let clean: string;
  let listed: { uscc: string; token: string; orgId: string };
  let penalised: { uscc: string; token: string; orgId: string };
  let lightOnly: string;
  let revoked: string;
  let oldPenalty: string;

  const post = (token: string, body: object, app = t.app) => request(app).post('/api/credit-checks').set('authorization', `Bearer ${token}`).send(body);
  const get = (token: string, path: string) => request(t.app).get(path).set('authorization', `Bearer ${token}`);
  const record = async (token: string, uscc: string, ruleId: string, occurredAt: string, severity?: string) => {
    const res = await request(t.app)
      .post('/api/credit-records')
      .set('authorization', `Bearer ${token}`)
      .send({ records: [{ sourceId: `CHK-${randomUUID()}`, subjectType: 'enterprise', subjectId: uscc, ruleId, occurredAt, ...(severity ? { severity } : {}) }] });
    expect(res.body).toMatchObject({ accepted: 1 });
  };
  const byUscc = (results: Result[], uscc: string) => results.find((r) => r.uscc === uscc)!;

  beforeAll(async () => {
    t = await testApp();
    market = (await staffMember(t, 'org-dept-market', 'department')).token;
    court = (await staffMember(t, 'org-dept-court', 'department')).token;
    clean = (await inRegistry(t, { name: '郑州清白商贸有限公司' })).uscc;
    listed = await registeredEnterprise(t);
    await record(court, listed.uscc, 'E-LAW-07', daysAgo(30));
    penalised = await registeredEnterprise(t);
    await record(market, penalised.uscc, 'E-LAW-02', daysAgo(60));
    lightOnly = (await inRegistry(t)).uscc;
    await record(market, lightOnly, 'E-LAW-01', daysAgo(20));
    revoked = (await inRegistry(t, { status: 'revoked', name: '郑州已吊销有限公司' })).uscc;
    oldPenalty = (await inRegistry(t)).uscc;
    await record(market, oldPenalty, 'E-LAW-02', daysAgo(400));
  });

  it('gives each business a verdict with its reasons, signs the whole check and answers 201', async () => {
    const unknown = randomUscc();
    const res = await post(market, { purpose: 'procurement', subjects: [clean, listed.uscc, penalised.uscc, revoked, unknown, lightOnly, oldPenalty, ` ${clean.toLowerCase()} `] });
    expect(res.status).toBe(201);
    const results = res.body.results as Result[];
    expect(results.map((r) => r.uscc)).toEqual([clean, listed.uscc, penalised.uscc, revoked, unknown, lightOnly, oldPenalty]);
    expect(byUscc(results, clean)).toMatchObject({ name: '郑州清白商贸有限公司', verdict: 'clear', reasons: [], registryStatus: 'active' });

    const court = byUscc(results, listed.uscc);
    expect(court.verdict).toBe('restricted');
    expect(court.reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^严重失信：列入失信被执行人名单（企业）（管城回族区人民法院/), expect.stringContaining('适用联合惩戒措施「限制参与政府采购和招标投标」')]),
    );

    expect(byUscc(results, penalised.uscc)).toMatchObject({ verdict: 'restricted', reasons: [expect.stringMatching(/^近 12 个月受到行政处罚：行政处罚（一般）（管城回族区市场监督管理局/)] });
    expect(byUscc(results, revoked)).toMatchObject({ name: '郑州已吊销有限公司', verdict: 'restricted', reasons: ['登记状态为「吊销」，不是存续企业'], registryStatus: 'revoked' });
    expect(byUscc(results, unknown)).toMatchObject({ name: '', verdict: 'not_found', reasons: [expect.stringContaining('没有这个统一社会信用代码')] });
    // A light penalty is mentioned, never restricting; a general one decided 13 months ago no longer restricts.
    expect(byUscc(results, lightOnly)).toMatchObject({ verdict: 'clear', reasons: [], notes: [expect.stringContaining('轻微行政处罚')] });
    expect(byUscc(results, oldPenalty)).toMatchObject({ verdict: 'clear', reasons: [] });

    expect(res.body.summary).toEqual({ total: 7, clear: 3, restricted: 3, notFound: 1 });
    expect(res.body.report).toMatchObject({ reportType: 'credit-check', reportId: res.body.id, purpose: 'procurement', purposeLabel: '政府采购', department: { id: 'org-dept-market', name: '管城回族区市场监督管理局' } });
    expect(res.body.report.results).toHaveLength(7);
  });

  it('applies the measures that restrict the purpose checked, and only those', async () => {
    const forSubsidy = await post(market, { purpose: 'subsidy', subjects: [listed.uscc] });
    const subsidyReasons = (forSubsidy.body.results as Result[])[0].reasons;
    expect(subsidyReasons).toEqual(expect.arrayContaining([expect.stringContaining('「限制获得财政补贴和评优评先」')]));
    expect(subsidyReasons.join()).not.toContain('限制参与政府采购和招标投标');

    // No seeded measure restricts approvals for the court's list: the serious record alone restricts.
    const forApproval = await post(market, { purpose: 'approval', subjects: [listed.uscc] });
    const approval = (forApproval.body.results as Result[])[0];
    expect(approval.verdict).toBe('restricted');
    expect(approval.reasons.filter((r) => r.startsWith('适用联合惩戒措施'))).toEqual([]);
  });

  it('produces a report the public verification accepts, and refuses once a single character changes', async () => {
    const res = await post(market, { purpose: 'bidding', subjects: [clean, listed.uscc] });
    const { report, signature } = res.body;
    const verify = (body: object) => request(t.app).post('/api/reports/verify').send(body);
    expect((await verify({ report, signature })).body).toMatchObject({ valid: true, reportType: 'credit-check', issuer: report.issuer, validUntil: report.validUntil });
    const tampered = structuredClone(report);
    tampered.results[1].verdict = 'clear';
    expect((await verify({ report: tampered, signature })).body).toEqual({ valid: false, reason: 'SIGNATURE' });
    expect((await verify({ report: { ...report, purposeLabel: '招投标' }, signature })).body).toEqual({ valid: false, reason: 'SIGNATURE' });
    // Stored as issued: the department's copy verifies too.
    const stored = await get(market, `/api/credit-checks/${res.body.id}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual({ ...res.body });
    expect((await verify({ report: stored.body.report, signature: stored.body.signature })).body.valid).toBe(true);
  });

  it('shows every checked business the department and the purpose in its access log', async () => {
    const res = await post(court, { purpose: 'award', subjects: [penalised.uscc, listed.uscc] });
    expect(res.status).toBe(201);
    for (const owner of [penalised, listed]) {
      const log = await get(owner.token, '/api/access-log?limit=100');
      expect(log.status).toBe(200);
      const entry = (log.body.items as Array<{ actor: { orgName: string; roleLabel: string }; purpose: string; what: string }>).find((e) => e.what.includes(res.body.id));
      expect(entry).toMatchObject({ actor: { orgName: '管城回族区人民法院', roleLabel: '部门' }, purpose: '信用核查：评优评先' });
    }
  });

  it('keeps the entry of a business checked before it registered, and shows it once it has, page by page', async () => {
    const entry = await inRegistry(t, { name: '郑州后注册有限公司' });
    const before = await post(court, { purpose: 'subsidy', subjects: [entry.uscc] });
    expect(before.status).toBe(201);
    const person = await verifiedPerson(t, entry.legalRepresentative);
    const registered = await request(t.app).post('/api/enterprises').set('authorization', `Bearer ${person.token}`).send({ uscc: entry.uscc, name: entry.name });
    expect(registered.status).toBe(201);
    const token = registered.body.token as string;
    const moved = await testApp({}, { clock: fixedClock(new Date(Date.now() + 60_000).toISOString()) });
    const after = await post(market, { purpose: 'bidding', subjects: [entry.uscc] }, moved.app);
    expect(after.status).toBe(201);

    const whole = await get(token, '/api/access-log?limit=100');
    expect(whole.status).toBe(200);
    expect(whole.body.items.map((e: { purpose: string }) => e.purpose)).toEqual(['信用核查：招标投标', '信用核查：财政补贴']);
    expect(whole.body.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await get(token, `/api/access-log?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((e: { what: string }) => e.what));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([expect.stringContaining(after.body.id), expect.stringContaining(before.body.id)]);
    // Another business's cursor does not open this one's log.
    const other = await get(penalised.token, '/api/access-log?limit=1');
    if (other.body.nextCursor) expect((await get(token, `/api/access-log?cursor=${other.body.nextCursor}`)).status).toBe(400);
  });

  it('counts a 双公示 penalty of the last 12 months like any other penalty', async () => {
    const business = await inRegistry(t, { name: '郑州双公示测试有限公司' });
    const decidedOn = new Date(Date.now() + 8 * 3600_000 - 10 * 86_400_000).toISOString().slice(0, 10);
    const published = await request(t.app)
      .post('/api/disclosures')
      .set('authorization', `Bearer ${market}`)
      .send({
        items: [
          {
            kind: 'penalty',
            sourceId: `CF-${randomUUID()}`,
            uscc: business.uscc,
            partyName: business.name,
            decisionNo: '管市监罚〔2026〕301号',
            decidedOn,
            category: '罚款',
            content: '销售过期食品，罚款人民币五千元',
            legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
            severity: 'general',
            fineYuan: 5000,
          },
        ],
      });
    expect(published.body).toMatchObject({ accepted: 1 });
    const res = await post(court, { purpose: 'procurement', subjects: [business.uscc] });
    expect((res.body.results as Result[])[0]).toMatchObject({ verdict: 'restricted', reasons: [expect.stringMatching(/^近 12 个月受到行政处罚：行政处罚（一般）/)] });
  });

  it('restricts a business that breached a credit commitment, naming the breach', async () => {
    const ent = await registeredEnterprise(t);
    const signed = await request(t.app).post('/api/commitments').set('authorization', `Bearer ${ent.token}`).send({ templateId: 'tpl-proactive' });
    expect(signed.status).toBe(201);
    const before = await post(market, { purpose: 'approval', subjects: [ent.uscc] });
    expect((before.body.results as Result[])[0]).toMatchObject({ verdict: 'clear', reasons: [] });
    const breach = await request(t.app)
      .post(`/api/commitments/${signed.body.id}/breaches`)
      .set('authorization', `Bearer ${market}`)
      .send({ reason: '承诺材料真实，经核查提交的检测报告系伪造', occurredOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), severity: 'general' });
    expect(breach.status).toBe(201);
    const after = await post(market, { purpose: 'approval', subjects: [ent.uscc] });
    expect((after.body.results as Result[])[0]).toMatchObject({ verdict: 'restricted', reasons: [expect.stringMatching(/^违背信用承诺：违背信用承诺（一般）（管城回族区市场监督管理局/)] });
  });

  it('lets the centre set the purposes a measure restricts; a measure must restrict something', async () => {
    const admin = (await staffMember(t, 'org-centre', 'admin')).token;
    const id = `M-CHK${randomUUID().replace(/[^a-f]/g, '').slice(0, 6).toUpperCase()}-01`;
    const measure = {
      id,
      title: '核查测试措施',
      description: '仅用于测试核查用途的措施。',
      legalBasis: '《测试依据》第一条',
      listType: '测试名单',
      ruleIds: ['E-HON-01'],
      severity: 'serious',
      durationMonths: 12,
      affects: [],
      purposes: ['approval', 'subsidy'],
      howToExit: '测试结束后删除。',
    };
    const adminPost = (body: object) => request(t.app).post('/api/measures').set('authorization', `Bearer ${admin}`).send(body);
    const none = await adminPost({ ...measure, purposes: [] });
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: '措施至少要限制一项服务或一种核查用途' });
    expect((await adminPost({ ...measure, purposes: ['lottery'] })).status).toBe(400);
    const created = await adminPost(measure);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id, affects: [], purposes: ['approval', 'subsidy'] });
    const listed = (await request(t.app).get('/api/measures')).body.items as Array<{ id: string; purposes: string[] }>;
    expect(listed.find((m) => m.id === id)?.purposes).toEqual(['approval', 'subsidy']);
    expect(listed.find((m) => m.id === 'M-COURT-03')?.purposes).toEqual(['procurement', 'bidding']);
  });

  it('refuses malformed codes with their positions and checks nothing', async () => {
    const bad = clean.slice(0, 17) + (clean[17] === '0' ? '1' : '0');
    const res = await post(market, { purpose: 'procurement', subjects: [clean, bad, 'ABC'] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_USCC');
    expect(res.body.error.message).toMatch(/^第 2 个统一社会信用代码有误：.*（共 2 个有误）$/);
    expect(res.body.error.details).toEqual([
      { index: 1, uscc: bad, message: expect.stringContaining('校验位') },
      { index: 2, uscc: 'ABC', message: '统一社会信用代码应为 18 位' },
    ]);
  });

  it.each([
    ['no subjects', { purpose: 'procurement', subjects: [] }],
    ['more than 200', { purpose: 'procurement', subjects: Array.from({ length: 201 }, () => '91410104MA00000000') }],
    ['an unknown purpose', { purpose: 'lottery', subjects: ['91410104MA00000000'] }],
    ['an extra field', { purpose: 'procurement', subjects: ['91410104MA00000000'], note: 'x' }],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_name, body) => {
    const res = await post(market, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('checks 200 businesses in one call', async () => {
    const subjects = [clean, ...Array.from({ length: 199 }, () => randomUscc())];
    const res = await post(market, { purpose: 'procurement', subjects });
    expect(res.status).toBe(201);
    expect(res.body.summary).toEqual({ total: 200, clear: 1, restricted: 0, notFound: 199 });
  });

  it('lists the department’s own checks newest first, page by page, and never another department’s', async () => {
    const dept = await staffMember(t, 'org-dept-civil', 'department');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const moved = await testApp({}, { clock: fixedClock(new Date(Date.now() + i * 60_000).toISOString()) });
      ids.push((await post(dept.token, { purpose: 'approval', subjects: [clean] }, moved.app)).body.id);
    }
    const first = await get(dept.token, '/api/credit-checks?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.items[0]).toMatchObject({ purpose: 'approval', purposeLabel: '行政审批', summary: { total: 1, clear: 1, restricted: 0, notFound: 0 } });
    const second = await get(dept.token, `/api/credit-checks?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();
    // Another department's cursor and checks are not this one's.
    expect((await get(market, `/api/credit-checks?cursor=${first.body.nextCursor}`)).status).toBe(400);
    expect((await get(market, `/api/credit-checks/${ids[0]}`)).status).toBe(404);
    const marketList = await get(market, '/api/credit-checks?limit=100');
    expect(marketList.body.items.map((c: { id: string }) => c.id)).not.toContain(ids[0]);
  });
});
