import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { daysAgo, newResident, randomIdNumber, randomUscc, verifiedResident, verifyResident } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

describe('POST /api/credit-records', () => {
  let t: TestApp;
  let dept: string;
  beforeAll(async () => {
    t = await testApp();
    dept = await loginAs(t.app, 'dept-market');
  });

  const post = (body: unknown, token = dept) =>
    request(t.app).post('/api/credit-records').set('authorization', `Bearer ${token}`).send(body as object);
  const record = (over: Record<string, unknown> = {}) => ({
    sourceId: `T-${randomUUID()}`,
    subjectType: 'person',
    subjectId: randomIdNumber(),
    ruleId: 'P-LAW-02',
    occurredAt: daysAgo(5),
    severity: 'light',
    ...over,
  });
  const points = async (token: string) =>
    (await request(t.app).get('/api/points/me').set('authorization', `Bearer ${token}`)).body.points as number;

  it('accepts valid records and they change the resident’s points', async () => {
    const r = await verifiedResident(t);
    expect(await points(r.token)).toBe(100);
    const res = await post({ records: [record({ subjectId: r.idNumber, ruleId: 'P-LAW-03', severity: 'general' })] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await points(r.token)).toBe(92);
  });

  it.each([
    ['a bad ID check character', { subjectId: '410104198805123011' }, 'INVALID_ID_NUMBER'],
    ['an ID of the wrong length', { subjectId: '41010419880512301' }, 'INVALID_ID_NUMBER'],
    ['a bad USCC', { subjectType: 'enterprise', subjectId: '9144030071526726XH', ruleId: 'E-LAW-01' }, 'INVALID_USCC'],
    ['a USCC with a forbidden letter', { subjectType: 'enterprise', subjectId: '9144030O71526726XG', ruleId: 'E-LAW-01' }, 'INVALID_USCC'],
    ['an unknown rule', { ruleId: 'P-XXX-99' }, 'UNKNOWN_RULE'],
    ['another department’s rule', { ruleId: 'P-LAW-01', severity: 'serious' }, 'RULE_NOT_YOURS'],
    ['a rule for enterprises about a person', { ruleId: 'E-LAW-01' }, 'SUBJECT_TYPE_MISMATCH'],
    ['a date in the future', { occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, 'FUTURE_DATE'],
    ['a date more than five years ago', { occurredAt: '2019-01-01T00:00:00+08:00' }, 'TOO_OLD'],
    ['a severity that does not match the rule', { severity: 'serious' }, 'SEVERITY_MISMATCH'],
    ['an unknown severity', { severity: 'extreme' }, 'INVALID_RECORD'],
    ['a date without offset', { occurredAt: '2026-01-01T10:00:00' }, 'INVALID_RECORD'],
    ['a missing sourceId', { sourceId: undefined }, 'INVALID_RECORD'],
    ['an unknown field', { extra: 1 }, 'INVALID_RECORD'],
  ])('rejects only the record with %s (%s)', async (_label, over, code) => {
    const good1 = record();
    const good2 = record();
    const bad = { ...record(), ...over };
    const res = await post({ records: [good1, bad, good2] });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(2);
    expect(res.body.rejected).toEqual([{ index: 1, code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) }]);
  });

  it.each([[null], ['string'], [42], [['array']]])('rejects the non-object record %j by its index', async (bad) => {
    const res = await post({ records: [record(), bad] });
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([{ index: 1, code: 'INVALID_RECORD', message: expect.any(String) }]);
  });

  it('counts a record posted again as a duplicate, never a second event', async () => {
    const r = await verifiedResident(t);
    const rec = record({ subjectId: r.idNumber });
    expect((await post({ records: [rec] })).body).toMatchObject({ accepted: 1, duplicates: 0 });
    expect((await post({ records: [rec] })).body).toMatchObject({ accepted: 0, duplicates: 1 });
    expect((await post({ records: [rec, rec] })).body).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await points(r.token)).toBe(98);
  });

  it('makes one event of twenty identical posts sent at the same moment', async () => {
    const r = await verifiedResident(t);
    const rec = record({ subjectId: r.idNumber });
    const results = await Promise.all(Array.from({ length: 20 }, () => post({ records: [rec] })));
    expect(results.every((x) => x.status === 200)).toBe(true);
    expect(results.reduce((s, x) => s + x.body.accepted, 0)).toBe(1);
    expect(results.reduce((s, x) => s + x.body.duplicates, 0)).toBe(19);
    const events = await request(t.app).get('/api/points/me/events').set('authorization', `Bearer ${r.token}`);
    expect(events.body.items).toHaveLength(1);
    expect(await points(r.token)).toBe(98);
  });

  it('loses no event when different records for one person arrive at once', async () => {
    const r = await verifiedResident(t);
    const results = await Promise.all(Array.from({ length: 12 }, () => post({ records: [record({ subjectId: r.idNumber })] })));
    expect(results.reduce((s, x) => s + x.body.accepted, 0)).toBe(12);
    const events = await request(t.app).get('/api/points/me/events?limit=100').set('authorization', `Bearer ${r.token}`);
    expect(events.body.items).toHaveLength(12);
    // P-LAW-02 is -2 with a yearly cap of 6: three count, the rest are capped.
    expect(await points(r.token)).toBe(94);
  });

  it('keeps records about a person who has not signed up and attaches them on verification', async () => {
    const idNumber = randomIdNumber();
    const res = await post({ records: [record({ subjectId: idNumber, ruleId: 'P-LAW-03', severity: 'general' })] });
    expect(res.body.accepted).toBe(1);
    const r = await newResident(t);
    expect((await verifyResident(t.app, r.token, idNumber)).status).toBe(200);
    expect(await points(r.token)).toBe(92);
  });

  it('accepts 500 records in one call and refuses 501 with 413', async () => {
    const ok = await post({ records: Array.from({ length: 500 }, () => record()) });
    expect(ok.status).toBe(200);
    expect(ok.body.accepted).toBe(500);
    const tooMany = await post({ records: Array.from({ length: 501 }, () => record()) });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error.code).toBe('TOO_MANY_RECORDS');
  }, 60_000);

  it.each([[{}], [{ records: [] }], [{ records: 'x' }], [[record()]], [{ records: [record()], extra: 1 }]])(
    'refuses the body %j with 400',
    async (body) => {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    },
  );

  it('accepts enterprise records', async () => {
    const res = await post({ records: [record({ subjectType: 'enterprise', subjectId: randomUscc(), ruleId: 'E-LAW-04', severity: 'general' })] });
    expect(res.body).toMatchObject({ accepted: 1 });
  });

  it('lets only departments post (401 without a token, 403 for every other role)', async () => {
    expect((await request(t.app).post('/api/credit-records').send({ records: [record()] })).status).toBe(401);
    for (const userId of ['res-zhang', 'mer-museum', 'ent-huaxin', 'bank-zy', 'admin']) {
      const res = await post({ records: [record()] }, await loginAs(t.app, userId));
      expect({ userId, status: res.status }).toEqual({ userId, status: 403 });
    }
  });
});
