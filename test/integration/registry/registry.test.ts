import request from 'supertest';
import type { RegistryEntry } from '../../../functions/registry/registry.domain';
import { RegistryRepository, type FeedOutcome } from '../../../functions/registry/registry.repository';
import { revisionOf } from '../../../functions/registry/revision';
import { usccCheckChar } from '../../../functions/shared/domain/identifiers';
import { randomUscc, staffMember } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const entry = (uscc: string, over: object = {}) => ({ uscc, name: '郑州报送测试有限公司', legalRepresentative: '冯报送', establishedOn: '2018-08-08', status: 'active', ...over });
const thisYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

describe('the registries departments feed', () => {
  let t: TestApp;
  let market: string;
  let tax: string;
  beforeAll(async () => {
    t = await testApp();
    [market, tax] = await Promise.all([loginAs(t.app, 'dept-market'), loginAs(t.app, 'dept-tax')]);
  });
  const feedEnterprises = (token: string, body: unknown) => request(t.app).post('/api/registry/enterprises').set(auth(token)).send(body as object);
  const feedTaxGrades = (token: string, body: unknown) => request(t.app).post('/api/registry/tax-grades').set(auth(token)).send(body as object);

  describe('the enterprise registry (market regulation)', () => {
    it('takes each valid entry and rejects the others one by one, by index, with a code and a Chinese message', async () => {
      const [a, b] = [randomUscc(), randomUscc()];
      const wrongCheck = a.slice(0, 17) + (a[17] === '0' ? '1' : '0');
      const badPair = '95410104MA45HX0Q3' + usccCheckChar('95410104MA45HX0Q3');
      const res = await feedEnterprises(market, {
        items: [
          entry(a),
          entry(wrongCheck),
          entry(badPair),
          entry(randomUscc(), { establishedOn: '2999-01-01' }),
          entry(randomUscc(), { status: 'closed' }),
          'not an entry',
          entry(randomUscc(), { taxGrade: 'A' }),
          entry(randomUscc(), { establishedOn: '2021-02-30' }),
          entry(b.toLowerCase(), { status: 'cancelled' }),
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body.accepted).toBe(2);
      expect(res.body.rejected.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([
        [1, 'INVALID_USCC'],
        [2, 'INVALID_USCC'],
        [3, 'FUTURE_DATE'],
        [4, 'INVALID_RECORD'],
        [5, 'INVALID_RECORD'],
        [6, 'INVALID_RECORD'],
        [7, 'INVALID_RECORD'],
      ]);
      expect(res.body.rejected[1].message).toContain('第 2 位（机构类别代码）');
      for (const r of res.body.rejected) expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
      expect((await t.deps.registry.get(a)).entry).toMatchObject({ name: '郑州报送测试有限公司', legalRepresentative: '冯报送', establishedOn: '2018-08-08', status: 'active', department: 'org-dept-market' });
      expect((await t.deps.registry.get(b)).entry).toMatchObject({ uscc: b, status: 'cancelled' });
      expect((await t.deps.registry.get(wrongCheck)).entry).toBeNull();
    });

    it('updates an entry that is sent again, and within one batch the later item for a code wins', async () => {
      const uscc = randomUscc();
      await feedEnterprises(market, { items: [entry(uscc)] });
      const again = await feedEnterprises(market, { items: [entry(uscc, { name: '郑州报送测试（更名）有限公司', status: 'revoked' })] });
      expect(again.body).toEqual({ accepted: 1, rejected: [] });
      expect((await t.deps.registry.get(uscc)).entry).toMatchObject({ name: '郑州报送测试（更名）有限公司', status: 'revoked' });
      await feedEnterprises(market, { items: [entry(uscc, { legalRepresentative: '先发' }), entry(uscc, { legalRepresentative: '后发' })] });
      expect((await t.deps.registry.get(uscc)).entry?.legalRepresentative).toBe('后发');
    });

    it('answers 400 to a body that is not a list of 1 or more items, and 413 to more than 500', async () => {
      for (const body of [{}, { items: [] }, { items: 'x' }, { records: [entry(randomUscc())] }]) {
        const res = await feedEnterprises(market, body);
        expect({ body, status: res.status, code: res.body.error?.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
      }
      const tooMany = await feedEnterprises(market, { items: Array.from({ length: 501 }, () => entry(randomUscc())) });
      expect(tooMany.status).toBe(413);
      expect(tooMany.body.error).toMatchObject({ code: 'TOO_MANY_RECORDS', message: expect.stringContaining('500') });
    });

    it('takes 500 entries in one call', async () => {
      const items = Array.from({ length: 500 }, () => entry(randomUscc()));
      const res = await feedEnterprises(market, { items });
      expect(res.body).toEqual({ accepted: 500, rejected: [] });
      expect((await t.deps.registry.get(items[499].uscc)).entry?.uscc).toBe(items[499].uscc);
    }, 30_000);
  });

  describe('tax credit grades (tax)', () => {
    it('takes each valid grade and rejects the others one by one', async () => {
      const uscc = randomUscc();
      const res = await feedTaxGrades(tax, {
        items: [
          { uscc, year: 2024, grade: 'B' },
          { uscc, year: thisYear() + 1, grade: 'A' },
          { uscc, year: 2010, grade: 'A' },
          { uscc, year: 2025, grade: 'E' },
          { uscc, year: '2025', grade: 'A' },
          { uscc: uscc.slice(0, 17), year: 2025, grade: 'A' },
          { uscc, year: 2025, grade: 'M' },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body.accepted).toBe(2);
      expect(res.body.rejected.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([
        [1, 'INVALID_YEAR'],
        [2, 'INVALID_YEAR'],
        [3, 'INVALID_RECORD'],
        [4, 'INVALID_RECORD'],
        [5, 'INVALID_USCC'],
      ]);
      const record = await t.deps.registry.get(uscc);
      expect(record.entry).toBeNull(); // a grade may arrive before the business's entry
      expect(record.taxGrades.map((g) => [g.year, g.grade]).sort()).toEqual([
        [2024, 'B'],
        [2025, 'M'],
      ]);
    });
  });

  describe('who may feed which registry', () => {
    it('lets each department feed only the registry its organisation is entitled to (403 FORBIDDEN otherwise)', async () => {
      const court = (await staffMember(t, 'org-dept-court', 'department')).token;
      for (const [token, feed] of [
        [market, feedTaxGrades],
        [tax, feedEnterprises],
        [court, feedEnterprises],
        [court, feedTaxGrades],
      ] as const) {
        const res = await feed(token, { items: [entry(randomUscc())] });
        expect(res.status).toBe(403);
        expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('无权报送') });
      }
      for (const userId of ['res-zhang', 'mer-museum', 'ent-huaxin', 'bank-zy', 'admin']) {
        expect((await feedEnterprises(await loginAs(t.app, userId), { items: [entry(randomUscc())] })).status).toBe(403);
      }
    });

    it('entitles the market-regulation bureau to the enterprise registry (and 双公示) and the tax bureau to tax grades from the bootstrap', async () => {
      const feeds = async (token: string) => (await request(t.app).get('/api/me').set(auth(token))).body.user.feeds;
      expect(await feeds(market)).toMatchObject({ registries: ['enterprises', 'disclosures'] });
      expect(await feeds(tax)).toMatchObject({ registries: ['tax-grades'] });
    });

    it('follows the centre’s entitlements, and refuses a suspended department (403 ORG_SUSPENDED)', async () => {
      const admin = await loginAs(t.app, 'admin');
      const created = await request(t.app)
        .post('/api/orgs')
        .set(auth(admin))
        .send({ type: 'department', name: '管城区市场监管所', uscc: randomUscc(), feeds: { rules: [], registries: ['enterprises', 'tax-grades'] } });
      expect(created.status).toBe(201);
      const staff = (await staffMember(t, created.body.id, 'department')).token;
      const uscc = randomUscc();
      expect((await feedEnterprises(staff, { items: [entry(uscc)] })).body).toEqual({ accepted: 1, rejected: [] });
      expect((await feedTaxGrades(staff, { items: [{ uscc, year: 2025, grade: 'A' }] })).body).toEqual({ accepted: 1, rejected: [] });

      expect((await request(t.app).post(`/api/orgs/${created.body.id}/suspension`).set(auth(admin)).send({ reason: '报送数据核查中' })).status).toBe(200);
      const refused = await feedEnterprises(staff, { items: [entry(uscc, { status: 'revoked' })] });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('ORG_SUSPENDED');
      expect((await t.deps.registry.get(uscc)).entry?.status).toBe('active');
    });
  });

  describe('concurrent re-sends of one entry', () => {
    /**
     * Holds the writes of `expected` entries until all have arrived, then lets them reach the table
     * newest revision first: the arrival order that loses an update without the revision condition.
     */
    class NewestFirst extends RegistryRepository {
      readonly written: Array<{ entry: RegistryEntry; outcome: FeedOutcome | 'busy' }> = [];
      private held: Array<{ entry: RegistryEntry; done: (o: Promise<FeedOutcome | 'busy'>) => void }> = [];
      constructor(
        tableName: string,
        private readonly expected: number,
      ) {
        super(tableName);
      }
      override putEntry(e: RegistryEntry): Promise<FeedOutcome | 'busy'> {
        return new Promise<FeedOutcome | 'busy'>((resolve) => {
          this.held.push({ entry: e, done: resolve });
          if (this.held.length === this.expected) void this.release();
        });
      }
      private async release() {
        for (const h of [...this.held].sort((a, b) => b.entry.revision.localeCompare(a.entry.revision))) {
          const outcome = super.putEntry(h.entry);
          h.done(outcome);
          this.written.push({ entry: h.entry, outcome: await outcome });
        }
      }
    }

    it('keeps the latest of 8 racing re-sends, whole, whatever order they reach the table in', async () => {
      const racing = new NewestFirst(t.config.tableName, 8);
      const app = (await testApp({}, { registry: racing })).app;
      const uscc = randomUscc();
      const sends = Array.from({ length: 8 }, (_, i) => entry(uscc, { name: `郑州并发测试${i}有限公司`, legalRepresentative: `并发${i}`, establishedOn: `201${i}-01-0${i + 1}` }));
      const answers = await Promise.all(sends.map((item) => request(app).post('/api/registry/enterprises').set(auth(market)).send({ items: [item] })));
      expect(answers.map((a) => a.body)).toEqual(sends.map(() => ({ accepted: 1, rejected: [] })));

      expect(racing.written.map((w) => w.outcome)).toEqual(['applied', ...Array(7).fill('superseded')]);
      const newest = racing.written[0].entry;
      expect(newest.revision > racing.written[7].entry.revision).toBe(true);
      const stored = (await t.deps.registry.get(uscc, true)).entry;
      expect(stored).toEqual(newest);
      const sent = sends.find((s) => s.name === stored?.name);
      expect(stored).toMatchObject(sent!);
    });

    it('answers 503 BUSY, never 500, when an entry loses every race to re-sends of the same business', async () => {
      class AlwaysOvertaken extends RegistryRepository {
        override async putEntry(): Promise<FeedOutcome | 'busy'> {
          return 'busy';
        }
      }
      const app = (await testApp({}, { registry: new AlwaysOvertaken(t.config.tableName) })).app;
      const res = await request(app).post('/api/registry/enterprises').set(auth(market)).send({ items: [entry(randomUscc())] });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('BUSY');
      expect(res.body.error.message).toMatch(/稍后重新报送/);
    });

    it('never lets an older revision replace a newer one, and keeps an entry and a grade sent at once', async () => {
      const uscc = randomUscc();
      const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();
      const e = (name: string, ms: number): RegistryEntry => {
        const content = { uscc, name, legalRepresentative: '冯报送', establishedOn: '2018-08-08', status: 'active' as const };
        return { ...content, department: 'org-dept-market', receivedAt: at(ms), revision: revisionOf(at(ms), 0, content) };
      };
      expect(await t.deps.registry.putEntry(e('新', 2))).toBe('applied');
      expect(await t.deps.registry.putEntry(e('旧', 1))).toBe('superseded');
      expect((await t.deps.registry.get(uscc, true)).entry?.name).toBe('新');

      const other = randomUscc();
      const [a, b] = await Promise.all([
        feedEnterprises(market, { items: [entry(other)] }),
        feedTaxGrades(tax, { items: [{ uscc: other, year: 2025, grade: 'B' }] }),
      ]);
      expect([a.body.accepted, b.body.accepted]).toEqual([1, 1]);
      const record = await t.deps.registry.get(other, true);
      expect(record.entry?.uscc).toBe(other);
      expect(record.taxGrades.map((g) => g.grade)).toEqual(['B']);
    });
  });
});
