import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { keys } from '../../../functions/shared/db/keys';
import { fixedClock } from '../../../functions/shared/domain/clock';
import { registeredEnterprise } from '../../support/enterprises';
import { daysAgo, staffMember } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

describe('信易贷', () => {
  let t: TestApp;
  let bankZy: string;
  beforeAll(async () => {
    t = await testApp();
    bankZy = await loginAs(t.app, 'bank-zy');
  });
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const apply = (token: string, body: object, key: string | null = `k-${randomUUID()}`) => {
    const r = request(t.app).post('/api/loan-applications').set(auth(token));
    return (key ? r.set('idempotency-key', key) : r).send(body);
  };
  const goodBody = { productId: 'zy-chengxin-dai', amount: 500_000, termMonths: 12, purpose: '采购原材料，补充流动资金' };
  const penalise = async (uscc: string, n: number, ruleId = 'E-LAW-02') => {
    const dept = await loginAs(t.app, 'dept-market');
    await request(t.app).post('/api/credit-records').set(auth(dept)).send({
      records: Array.from({ length: n }, (_, i) => ({ sourceId: `PEN-${uscc}-${ruleId}-${i}`, subjectType: 'enterprise', subjectId: uscc, ruleId, occurredAt: daysAgo(10 + i) })),
    });
  };

  describe('products and eligibility', () => {
    it('lists at least 6 products from 3 banks to anyone, by rate', async () => {
      const res = await request(t.app).get('/api/loan-products');
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThanOrEqual(6);
      expect(new Set(res.body.items.map((p: { bankId: string }) => p.bankId)).size).toBeGreaterThanOrEqual(3);
      const rates = res.body.items.map((p: { annualRateMin: number }) => p.annualRateMin);
      expect(rates).toEqual([...rates].sort((a, b) => a - b));
      expect(res.body.items[0].eligible).toBeUndefined();
    });

    it('filters by amount and term', async () => {
      const res = await request(t.app).get('/api/loan-products?amount=8000000&termMonths=48');
      expect(res.body.items.map((p: { id: string }) => p.id)).toEqual(['ccb-kechuang-dai']);
    });

    it('puts the products a business qualifies for first, with the unmet details', async () => {
      const e = await registeredEnterprise(t, { establishedOn: '2025-09-01' });
      const res = await request(t.app).get('/api/loan-products').set(auth(e.token));
      const items = res.body.items as Array<{ id: string; eligible: boolean; failedCriteria: string[] }>;
      const firstIneligible = items.findIndex((p) => !p.eligible);
      expect(items.slice(firstIneligible).every((p) => !p.eligible)).toBe(true);
      expect(items.find((p) => p.id === 'zy-chengxin-dai')?.eligible).toBe(true);
      expect(items.find((p) => p.id === 'zzb-jingying-dai')?.failedCriteria).toEqual(expect.arrayContaining([expect.stringContaining('要求 ≥ 3 年'), '纳税信用 M 级，要求 A 级']));
    });

    it('explains each criterion with a concrete detail', async () => {
      const e = await registeredEnterprise(t);
      await penalise(e.uscc, 2, 'E-LAW-01'); // two light penalties: score 96, grade B
      const res = await request(t.app).get('/api/loan-products/zy-chengxin-dai/eligibility').set(auth(e.token));
      expect(res.status).toBe(200);
      expect(res.body.eligible).toBe(false);
      const byCode = Object.fromEntries(res.body.criteria.map((c: { code: string }) => [c.code, c]));
      expect(byCode.PENALTIES_12M).toMatchObject({ passed: false, detail: '近12个月行政处罚 2 次，要求 ≤ 1 次' });
      expect(byCode.GRADE).toMatchObject({ passed: true, detail: '当前评价 B 级，要求 B 级及以上' });
      expect(byCode.NO_SERIOUS.passed).toBe(true);
    });

    it('fails the grade and serious-record criteria for a business on a serious list', async () => {
      const e = await registeredEnterprise(t);
      await penalise(e.uscc, 1, 'E-LAW-05');
      const res = await request(t.app).get('/api/loan-products/zzb-chuangye-dai/eligibility').set(auth(e.token));
      const byCode = Object.fromEntries(res.body.criteria.map((c: { code: string }) => [c.code, c]));
      expect(byCode.NO_SERIOUS).toMatchObject({ passed: false, detail: '存在 1 条公示中的严重失信记录，要求无' });
      expect(byCode.GRADE.passed).toBe(false);
      expect(byCode.JOINT_PUNISHMENT).toMatchObject({ passed: false, detail: expect.stringContaining('限制申请信易贷') });
    });

    it('tells an unregistered business to register first', async () => {
      const res = await request(t.app).get('/api/loan-products/zy-chengxin-dai/eligibility').set(auth(await loginAs(t.app, 'ent-new')));
      expect(res.body.eligible).toBe(false);
      expect(res.body.criteria[0]).toMatchObject({ code: 'REGISTERED', passed: false });
    });

    it('answers an unknown product with 404', async () => {
      const e = await registeredEnterprise(t);
      expect((await request(t.app).get('/api/loan-products/no-such-product/eligibility').set(auth(e.token))).status).toBe(404);
    });

    it('lets a bank create, edit and withdraw only its own products', async () => {
      const input = { name: '测试贷', description: '', minAmount: 10_000, maxAmount: 100_000, minTermMonths: 3, maxTermMonths: 12, annualRateMin: 4, annualRateMax: 5, criteria: { minGrade: 'B', noSeriousDishonesty: true, maxPenalties12m: 1, minYearsOperating: 0, minTaxGrade: 'M' } };
      const created = await request(t.app).post('/api/loan-products').set(auth(bankZy)).send(input);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ bankId: 'org-bank-zy', status: 'active' });
      const bad = await request(t.app).post('/api/loan-products').set(auth(bankZy)).send({ ...input, minAmount: 200_000 });
      expect(bad.status).toBe(400);
      expect((await request(t.app).post('/api/loan-products').set(auth(await loginAs(t.app, 'ent-huaxin'))).send(input)).status).toBe(403);
      const edited = await request(t.app).put(`/api/loan-products/${created.body.id}`).set(auth(bankZy)).send({ product: { ...input, name: '测试贷二号' }, expectedUpdatedAt: created.body.updatedAt });
      expect(edited.body.name).toBe('测试贷二号');
      const stale = await request(t.app).put(`/api/loan-products/${created.body.id}`).set(auth(bankZy)).send({ product: input, expectedUpdatedAt: created.body.updatedAt });
      expect(stale.status).toBe(409);
      // Another bank cannot touch it: there is nothing of theirs by that id.
      const other = await staffMember(t, 'org-bank-ccb', 'bank');
      expect((await request(t.app).post(`/api/loan-products/${created.body.id}/withdrawal`).set(auth(other.token)).send({ expectedUpdatedAt: edited.body.updatedAt })).status).toBe(404);
      const withdrawn = await request(t.app).post(`/api/loan-products/${created.body.id}/withdrawal`).set(auth(bankZy)).send({ expectedUpdatedAt: edited.body.updatedAt });
      expect(withdrawn.body.status).toBe('withdrawn');
      const market = await request(t.app).get('/api/loan-products');
      expect(market.body.items.some((p: { id: string }) => p.id === created.body.id)).toBe(false);
    });
  });

  describe('applications', () => {
    it('submits once per Idempotency-Key, even for 20 identical requests at once', async () => {
      const e = await registeredEnterprise(t);
      const key = `k-${randomUUID()}`;
      const results = await Promise.all(Array.from({ length: 20 }, () => apply(e.token, goodBody, key)));
      expect(results.every((r) => r.status === 201)).toBe(true);
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      const list = await request(t.app).get('/api/loan-applications').set(auth(e.token));
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({ status: 'SUBMITTED', statusLabel: '已提交', amount: 500_000, overdue: false });
      const other = await apply(e.token, { ...goodBody, amount: 600_000 }, key);
      expect(other.status).toBe(422);
      expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('treats a key whose marker has expired as new, though DynamoDB has not deleted the marker yet', async () => {
      const e = await registeredEnterprise(t);
      const key = `k-${randomUUID()}`;
      const first = await apply(e.token, goodBody, key);
      expect(first.status).toBe(201);
      // DynamoDB deletes expired items within days: the marker is still there, its TTL a second ago.
      await dynamoose.aws.ddb().send(
        new UpdateItemCommand({ TableName: t.config.tableName, Key: marshall(keys.idempotencyKey(e.orgId, key)), UpdateExpression: 'SET #ttl = :past', ExpressionAttributeNames: { '#ttl': 'ttl' }, ExpressionAttributeValues: marshall({ ':past': Math.floor(Date.now() / 1000) - 1 }) }),
      );
      const again = await apply(e.token, { ...goodBody, amount: 600_000 }, key);
      expect(again.status).toBe(201);
      expect(again.body.id).not.toBe(first.body.id);
      expect(again.body.amount).toBe(600_000);
      // The new marker replays as any fresh one does.
      const replay = await apply(e.token, { ...goodBody, amount: 600_000 }, key);
      expect(replay.body.id).toBe(again.body.id);
    });

    it('requires the Idempotency-Key header', async () => {
      const e = await registeredEnterprise(t);
      const res = await apply(e.token, goodBody, null);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    });

    it.each([
      ['an amount above the range', { amount: 5_000_000 }, 'amount'],
      ['an amount below the range', { amount: 1000 }, 'amount'],
      ['a term outside the range', { termMonths: 48 }, 'termMonths'],
    ])('refuses %s with 400 naming the field', async (_label, over, field) => {
      const e = await registeredEnterprise(t);
      const res = await apply(e.token, { ...goodBody, ...over });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].field).toBe(field);
    });

    it('refuses a missing purpose and an ineligible business', async () => {
      const e = await registeredEnterprise(t);
      expect((await apply(e.token, { ...goodBody, purpose: '' })).status).toBe(400);
      await penalise(e.uscc, 2);
      const res = await apply(e.token, goodBody);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('NOT_ELIGIBLE');
    });

    it('goes SUBMITTED → UNDER_REVIEW → APPROVED → DISBURSED with a history of who and when', async () => {
      const e = await registeredEnterprise(t);
      const { id } = (await apply(e.token, goodBody)).body;
      const opened = await request(t.app).get(`/api/loan-applications/${id}`).set(auth(bankZy));
      expect(opened.body.status).toBe('UNDER_REVIEW');
      const report = await request(t.app).get(`/api/loan-applications/${id}/credit-report`).set(auth(bankZy));
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({ grade: 'A', enterprise: { uscc: e.uscc, legalRepresentative: '赵**' } });
      const approved = await request(t.app).post(`/api/loan-applications/${id}/decision`).set(auth(bankZy)).send({ decision: 'approve' });
      expect(approved.body.status).toBe('APPROVED');
      const again = await request(t.app).post(`/api/loan-applications/${id}/decision`).set(auth(bankZy)).send({ decision: 'reject', reason: '重复审批测试' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('APPLICATION_DECIDED');
      expect((await request(t.app).post(`/api/loan-applications/${id}/withdrawal`).set(auth(e.token))).status).toBe(409);
      const paid = await request(t.app).post(`/api/loan-applications/${id}/disbursement`).set(auth(bankZy)).send({ amount: 500_000 });
      expect(paid.body.status).toBe('DISBURSED');
      const seen = await request(t.app).get(`/api/loan-applications/${id}`).set(auth(e.token));
      expect(seen.body.history.map((h: { status: string }) => h.status)).toEqual(['SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'DISBURSED']);
      expect(seen.body.history.every((h: { at: string; by: string }) => h.at && h.by)).toBe(true);
      const log = await request(t.app).get('/api/access-log').set(auth(e.token));
      expect(log.body.items[0]).toMatchObject({ actor: { orgName: '中原银行郑州管城支行', role: 'bank' }, purpose: '信易贷审批' });
      // After the application ended, the bank needs an explicit authorisation again.
      const late = await request(t.app).get(`/api/loan-applications/${id}/credit-report`).set(auth(bankZy));
      expect(late.status).toBe(403);
      expect(late.body.error.code).toBe('NOT_AUTHORIZED');
    });

    it('requires a reason to reject and shows it to the applicant', async () => {
      const e = await registeredEnterprise(t);
      const { id } = (await apply(e.token, goodBody)).body;
      expect((await request(t.app).post(`/api/loan-applications/${id}/decision`).set(auth(bankZy)).send({ decision: 'reject' })).status).toBe(400);
      const rejected = await request(t.app).post(`/api/loan-applications/${id}/decision`).set(auth(bankZy)).send({ decision: 'reject', reason: '经营流水不足以覆盖还款' });
      expect(rejected.body).toMatchObject({ status: 'REJECTED', decisionReason: '经营流水不足以覆盖还款' });
      const seen = await request(t.app).get(`/api/loan-applications/${id}`).set(auth(e.token));
      expect(seen.body.history.at(-1)).toMatchObject({ status: 'REJECTED', reason: '经营流水不足以覆盖还款' });
    });

    it('lets the applicant withdraw before a decision, and refuses illegal moves', async () => {
      const e = await registeredEnterprise(t);
      const { id } = (await apply(e.token, goodBody)).body;
      expect((await request(t.app).post(`/api/loan-applications/${id}/disbursement`).set(auth(bankZy)).send({ amount: 1 })).body.error.code).toBe('ILLEGAL_TRANSITION');
      const withdrawn = await request(t.app).post(`/api/loan-applications/${id}/withdrawal`).set(auth(e.token));
      expect(withdrawn.body.status).toBe('WITHDRAWN');
      expect((await request(t.app).post(`/api/loan-applications/${id}/decision`).set(auth(bankZy)).send({ decision: 'approve' })).status).toBe(409);
    });

    it('decides exactly once when approve and reject race', async () => {
      const e = await registeredEnterprise(t);
      const { id } = (await apply(e.token, goodBody)).body;
      const results = await Promise.all([
        request(t.app).post(`/api/loan-applications/${id}/decision`).set(auth(bankZy)).send({ decision: 'approve' }),
        request(t.app).post(`/api/loan-applications/${id}/decision`).set(auth(bankZy)).send({ decision: 'reject', reason: '并发测试拒绝' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    });

    it('flags applications past the 10-working-day deadline for the bank', async () => {
      const e = await registeredEnterprise(t);
      const { id, deadline } = (await apply(e.token, goodBody)).body;
      const submitted = new Date();
      const days = (Date.parse(deadline) - submitted.getTime()) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(13);
      expect(days).toBeLessThanOrEqual(17);
      const laterMs = Date.parse(deadline) + 1000;
      const later = await testApp({}, { clock: fixedClock(new Date(laterMs).toISOString()) });
      const { token } = await later.deps.tokens.issue({ userId: 'bank-zy', roles: ['bank'], orgId: 'org-bank-zy' }, Math.floor(laterMs / 1000));
      const overdue = await request(later.app).get('/api/loan-applications?overdue=true&limit=100').set(auth(token));
      expect(overdue.body.items.map((a: { id: string }) => a.id)).toContain(id);
    });
  });

  describe('authorisation and who sees what', () => {
    it('lets a bank read a report only with a live authorisation; revoking ends it', async () => {
      const e = await registeredEnterprise(t);
      const { id } = (await apply(e.token, goodBody)).body;
      await request(t.app).post(`/api/loan-applications/${id}/withdrawal`).set(auth(e.token));
      expect((await request(t.app).get(`/api/loan-applications/${id}/credit-report`).set(auth(bankZy))).status).toBe(403);
      const granted = await request(t.app).post('/api/authorizations').set(auth(e.token)).send({ bankId: 'org-bank-zy', days: 30 });
      expect(granted.status).toBe(201);
      expect((await request(t.app).get(`/api/loan-applications/${id}/credit-report`).set(auth(bankZy))).status).toBe(200);
      const list = await request(t.app).get('/api/authorizations').set(auth(e.token));
      expect(list.body.items[0]).toMatchObject({ bankName: '中原银行郑州管城支行', status: 'active' });
      expect((await request(t.app).delete(`/api/authorizations/${granted.body.id}`).set(auth(e.token))).status).toBe(204);
      expect((await request(t.app).get(`/api/loan-applications/${id}/credit-report`).set(auth(bankZy))).status).toBe(403);
      const other = await registeredEnterprise(t);
      expect((await request(t.app).delete(`/api/authorizations/${granted.body.id}`).set(auth(other.token))).status).toBe(404);
      expect((await request(t.app).post('/api/authorizations').set(auth(e.token)).send({ bankId: 'org-museum', days: 30 })).status).toBe(400);
      expect((await request(t.app).post('/api/authorizations').set(auth(e.token)).send({ bankId: 'org-bank-zy', days: 0 })).status).toBe(400);
    });

    it('never shows bank B bank A’s applications, nor one business another’s', async () => {
      const e = await registeredEnterprise(t);
      const { id } = (await apply(e.token, goodBody)).body;
      const ccb = await staffMember(t, 'org-bank-ccb', 'bank');
      expect((await request(t.app).get(`/api/loan-applications/${id}`).set(auth(ccb.token))).status).toBe(404);
      expect((await request(t.app).get(`/api/loan-applications/${id}/credit-report`).set(auth(ccb.token))).status).toBe(404);
      expect((await request(t.app).post(`/api/loan-applications/${id}/decision`).set(auth(ccb.token)).send({ decision: 'approve' })).status).toBe(404);
      const ccbList = await request(t.app).get('/api/loan-applications?limit=100').set(auth(ccb.token));
      expect(ccbList.body.items.some((a: { id: string }) => a.id === id)).toBe(false);
      const other = await registeredEnterprise(t);
      expect((await request(t.app).get(`/api/loan-applications/${id}`).set(auth(other.token))).status).toBe(404);
      expect((await request(t.app).post(`/api/loan-applications/${id}/withdrawal`).set(auth(other.token))).status).toBe(404);
      expect((await request(t.app).get('/api/loan-applications').set(auth(other.token))).body.items).toEqual([]);
      const zyList = await request(t.app).get('/api/loan-applications?limit=100').set(auth(bankZy));
      expect(zyList.body.items.some((a: { id: string }) => a.id === id)).toBe(true);
    });

    it.each([
      ['GET', '/api/loan-products/zy-chengxin-dai/eligibility', ['res-zhang', 'mer-museum', 'bank-zy', 'dept-market', 'admin']],
      ['POST', '/api/authorizations', ['res-zhang', 'mer-museum', 'bank-zy', 'dept-market', 'admin']],
      ['POST', '/api/loan-applications', ['res-zhang', 'mer-museum', 'bank-zy', 'dept-market', 'admin']],
      ['GET', '/api/loan-applications', ['res-zhang', 'mer-museum', 'dept-market', 'admin']],
      ['POST', '/api/loan-products', ['res-zhang', 'mer-museum', 'ent-huaxin', 'dept-market', 'admin']],
    ])('%s %s is 403 for the wrong roles', async (method, path, userIds) => {
      for (const userId of userIds as string[]) {
        const token = await loginAs(t.app, userId);
        const r = method === 'GET' ? request(t.app).get(path) : request(t.app).post(path).send({});
        const res = await r.set(auth(token)).set('idempotency-key', `k-${randomUUID()}`);
        expect({ userId, status: res.status }).toEqual({ userId, status: 403 });
      }
    });
  });
});
