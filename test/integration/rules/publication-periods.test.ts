import request from 'supertest';
import { CATALOGUE_V1_RULES } from '../../../functions/rules/catalogue-v1';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

/** Publishing a catalogue holds each severity to its publication period (no version is published here). */
describe('publishing a catalogue with publication periods outside the severity’s bounds', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await testApp();
    admin = await loginAs(t.app, 'admin');
  });
  const publish = (rules: object[]) =>
    request(t.app).post('/api/rules/versions').set('authorization', `Bearer ${admin}`).send({ effectiveFrom: new Date(Date.now() + 3600_000).toISOString(), note: '公示期测试', rules });
  const withRule = (id: string, change: object) => CATALOGUE_V1_RULES.map((r) => (r.id === id ? { ...r, ...change } : r));
  const index = (id: string) => CATALOGUE_V1_RULES.findIndex((r) => r.id === id);

  it.each([
    ['a light rule published 4 months', 'P-LAW-02', { validityMonths: 4 }, 'validityMonths', '轻微失信信息公示期应为 1–3 个月'],
    ['a general rule published 2 months', 'P-LAW-03', { validityMonths: 2, minPublicationMonths: 2 }, 'validityMonths', '一般失信信息公示期应为 3–12 个月'],
    ['a general rule published 18 months', 'P-LAW-03', { validityMonths: 18 }, 'validityMonths', '一般失信信息公示期应为 3–12 个月'],
    ['a serious rule published 6 months', 'P-LAW-04', { validityMonths: 6, minPublicationMonths: 6 }, 'validityMonths', '严重失信信息公示期应为 12–36 个月'],
    ['a serious rule published 48 months', 'P-LAW-04', { validityMonths: 48 }, 'validityMonths', '严重失信信息公示期应为 12–36 个月'],
    ['the court list repairable after 6 months', 'P-LAW-01', { minPublicationMonths: 6 }, 'minPublicationMonths', '严重失信信息最短公示期不少于 12 个月'],
  ])('refuses %s with 400 naming the rule and field', async (_what, id, change, field, message) => {
    const before = (await request(t.app).get('/api/rules/versions').set('authorization', `Bearer ${admin}`)).body.items.length;
    const res = await publish(withRule(id, change));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const detail = res.body.error.details.find((d: { ruleId: string }) => d.ruleId === id);
    expect(detail).toMatchObject({ field: `rules.${index(id)}.${field}`, ruleId: id });
    expect(detail.message).toContain(id);
    expect(detail.message).toContain(message);
    expect((await request(t.app).get('/api/rules/versions').set('authorization', `Bearer ${admin}`)).body.items.length).toBe(before);
  });

  it('finds nothing wrong with the court dishonest-debtor list’s own 24 months as a serious record', async () => {
    // A catalogue whose only fault is elsewhere: the 400 names that rule, not P-LAW-01 (24 months, serious).
    const res = await publish(withRule('P-LAW-06', { validityMonths: 40 }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { ruleId: string }) => d.ruleId)).toEqual(['P-LAW-06']);
  });
});
