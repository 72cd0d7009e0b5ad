import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { connectDatabase } from '../../../functions/shared/db/dynamo';
import { daysAgo, verifiedResident } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

/**
 * A write that fails half-way leaves nothing that breaks a retry. The redemption and the loan
 * application are each one DynamoDB transaction; a fault is injected into the process's DynamoDB
 * client around that transaction, in the two ways a network can fail:
 *   - before it reaches the database (nothing was written), and
 *   - after the database committed it but before the answer arrived (the client cannot know).
 * Either way the API answers 503 SERVICE_UNAVAILABLE, and the retry ends with exactly one
 * redemption (or application), exact counters, and an answer that tells the truth.
 */
type Fault = 'before-commit' | 'after-commit';

describe('a write that fails half-way', () => {
  let t: TestApp;
  let fault: Fault | undefined;
  const MIDDLEWARE = `fault-injection-${randomUUID()}`;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await testApp({ PASS_TTL_SECONDS: '600' });
    connectDatabase(t.config).client.middlewareStack.add(
      (next, context) => async (args) => {
        const armed = fault;
        if (!armed || (context as { commandName?: string }).commandName !== 'TransactWriteItemsCommand') return next(args);
        fault = undefined; // one fault, then the network is fine again
        const lost = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        if (armed === 'before-commit') throw lost;
        await next(args);
        throw lost;
      },
      { step: 'initialize', name: MIDDLEWARE },
    );
  });
  afterAll(() => {
    connectDatabase(t.config).client.middlewareStack.remove(MIDDLEWARE);
  });

  describe('redemption', () => {
    async function scenario() {
      const admin = await loginAs(t.app, 'admin');
      const id = `fault-${randomUUID().slice(0, 8)}`;
      const created = await request(t.app).post('/api/incentives').set(auth(admin)).send({
        id, category: 'shop', title: '故障测试券', benefit: '测试权益', minPoints: 0, quota: { count: 1, period: 'day' }, totalStock: 3,
        validFrom: daysAgo(1), validUntil: new Date(Date.now() + 86_400_000).toISOString(), merchantIds: ['org-museum'],
      });
      expect(created.status).toBe(201);
      return id;
    }
    async function stockLeft(id: string, token: string) {
      return (await request(t.app).get('/api/incentives').set(auth(token))).body.items.find((i: { id: string }) => i.id === id).stockLeft as number;
    }
    async function redemptionsOf(id: string) {
      const all = await t.deps.incentives.listByOrg('org-museum', { from: '', to: '9999' }, 1000);
      return all.items.filter((r) => r.incentiveId === id);
    }

    it.each<[Fault, number, string]>([
      ['before-commit', 201, 'the retry redeems it'],
      ['after-commit', 409, 'the retry says it is already used'],
    ])('lost %s: 503, then %i (%s), and exactly one redemption, one stock unit, one quota use', async (where, retryStatus) => {
      const id = await scenario();
      const museum = await loginAs(t.app, 'mer-museum');
      const r = await verifiedResident(t);
      const { pass } = (await request(t.app).post(`/api/incentives/${id}/passes`).set(auth(r.token))).body;

      fault = where;
      const first = await request(t.app).post('/api/redemptions').set(auth(museum)).send({ pass });
      expect(first.status).toBe(503);
      expect(first.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(fault).toBeUndefined();

      const retry = await request(t.app).post('/api/redemptions').set(auth(museum)).send({ pass });
      expect(retry.status).toBe(retryStatus);
      if (retryStatus === 409) expect(retry.body.error.code).toBe('PASS_USED');

      const done = await redemptionsOf(id);
      expect(done).toHaveLength(1);
      expect(await stockLeft(id, r.token)).toBe(2);
      // The resident's daily quota (1) is used exactly once: a second pass today is refused.
      const again = await request(t.app).post(`/api/incentives/${id}/passes`).set(auth(r.token));
      expect(again.status).toBe(403);
      expect(again.body.error.details.reasons).toContain('今日次数已用完');
      // The resident sees the one redemption, with the pass shown as used.
      const mine = await request(t.app).get('/api/redemptions').set(auth(r.token));
      expect(mine.body.items.filter((i: { incentiveId: string }) => i.incentiveId === id)).toHaveLength(1);
    });
  });

  describe('loan application', () => {
    it.each<[Fault]>([['before-commit'], ['after-commit']])('lost %s: 503, then the retry with the same Idempotency-Key gives exactly one application', async (where) => {
      const huaxin = await loginAs(t.app, 'ent-huaxin');
      const list = async () => (await request(t.app).get('/api/loan-applications').set(auth(huaxin))).body.items as Array<{ id: string }>;
      const before = await list();
      const key = `fault-${randomUUID()}`;
      const body = { productId: 'zy-chengxin-dai', amount: 300_000, termMonths: 12, purpose: '故障重试测试：补充流动资金' };
      const submit = () => request(t.app).post('/api/loan-applications').set(auth(huaxin)).set('idempotency-key', key).send(body);

      fault = where;
      const first = await submit();
      expect(first.status).toBe(503);
      expect(first.body.error.code).toBe('SERVICE_UNAVAILABLE');

      const retry = await submit();
      expect([200, 201]).toContain(retry.status);
      expect(retry.body.status).toBe('SUBMITTED');
      const again = await submit();
      expect(again.body.id).toBe(retry.body.id);

      const after = await list();
      expect(after.length).toBe(before.length + 1);
      expect(after.filter((a) => a.id === retry.body.id)).toHaveLength(1);
    });
  });
});
