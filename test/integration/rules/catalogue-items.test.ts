import { randomUUID } from 'node:crypto';
import { DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import * as dynamoose from 'dynamoose';
import request from 'supertest';
import { IDEMPOTENCY_KEY_TTL_SECONDS } from '../../../functions/loans/loans.repository';
import { keys } from '../../../functions/shared/db/keys';
import { getPlainItem } from '../../../functions/shared/db/models';
import { registeredEnterprise } from '../../support/enterprises';
import { prepareDatabase } from '../../support/prepare-database';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

// Large catalogues of their own: this file's table (the shared one stays small for everyone else).
process.env.TABLE_NAME = `cxgc-rules-${randomUUID().slice(0, 8)}`;

/** A sound positive person rule with the longest legal basis the schema takes. */
const rule = (i: number, tag: string) => ({
  id: `P-X${String.fromCharCode(65 + Math.floor(i / 100 / 26))}${String.fromCharCode(65 + (Math.floor(i / 100) % 26))}-${String(i % 100).padStart(2, '0')}`,
  title: `测试规则${tag}${i}`,
  dimension: 'virtue',
  subjectType: 'person',
  points: 2,
  yearlyCap: 10,
  validityMonths: 12,
  legalBasis: `《测试条例》第${i}条`.padEnd(300, '依'),
  department: 'org-dept-health',
});

describe('catalogues stored as items per rule, idempotency markers with a TTL', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    await prepareDatabase();
    t = await testApp();
    admin = await loginAs(t.app, 'admin');
  }, 120_000);
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

  it('publishes and reads back a catalogue larger than one 400 KB item, rules in their order', async () => {
    const rules = Array.from({ length: 420 }, (_, i) => rule(i, 'A'));
    const body = { effectiveFrom: tomorrow(), note: '超大目录测试', rules };
    expect(Buffer.byteLength(JSON.stringify(rules))).toBeGreaterThan(400 * 1024);
    const res = await request(t.app).post('/api/rules/versions').set(auth(admin)).send(body);
    expect(res.status).toBe(201);
    const versions = await t.deps.rules.listVersions();
    const stored = versions.find((v) => v.version === res.body.version);
    expect(stored?.rules).toEqual(rules);
    const listed = await request(t.app).get('/api/rules/versions').set(auth(admin));
    expect(listed.body.items.find((v: { version: number }) => v.version === res.body.version).ruleCount).toBe(420);
    // Version 1 (stored by the bootstrap the same way) is still whole.
    expect(versions[0].rules.length).toBeGreaterThanOrEqual(30);
  }, 60_000);

  it('of publishers racing for one version number exactly one wins, and only its rules are read', async () => {
    const before = (await t.deps.rules.listVersions()).at(-1)!.version;
    const tags = ['B', 'C', 'D', 'E'];
    const results = await Promise.all(tags.map((tag) => t.deps.rules.publish({ version: before + 1, effectiveFrom: tomorrow(), publishedAt: new Date().toISOString(), publishedBy: 'admin', note: tag, rules: Array.from({ length: 60 }, (_, i) => rule(i, tag)) as never })));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = tags[results.indexOf(true)];
    const stored = (await t.deps.rules.listVersions()).find((v) => v.version === before + 1)!;
    expect(stored.note).toBe(winner);
    expect(stored.rules).toHaveLength(60);
    expect(stored.rules.every((r) => r.title.startsWith(`测试规则${winner}`))).toBe(true);
    // A number already taken writes nothing at all.
    expect(await t.deps.rules.publish({ ...stored, note: 'again' })).toBe(false);
  }, 60_000);

  it('gives an application’s Idempotency-Key marker a TTL, on a table with TTL enabled', async () => {
    const ttl = await dynamoose.aws.ddb().send(new DescribeTimeToLiveCommand({ TableName: t.config.tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'ttl', TimeToLiveStatus: 'ENABLED' });
    const e = await registeredEnterprise(t);
    const key = `ttl-${randomUUID()}`;
    const res = await request(t.app).post('/api/loan-applications').set(auth(e.token)).set('idempotency-key', key).send({ productId: 'zy-chengxin-dai', amount: 200_000, termMonths: 12, purpose: '补充流动资金' });
    expect(res.status).toBe(201);
    const marker = await getPlainItem(t.config.tableName, keys.idempotencyKey(e.orgId, key), true);
    const submitted = Math.floor(Date.parse(marker!.createdAt) / 1000);
    expect(marker!.ttl).toBe(submitted + IDEMPOTENCY_KEY_TTL_SECONDS);
    // Within its life the key still replays the same application.
    const again = await request(t.app).post('/api/loan-applications').set(auth(e.token)).set('idempotency-key', key).send({ productId: 'zy-chengxin-dai', amount: 200_000, termMonths: 12, purpose: '补充流动资金' });
    expect(again.body.id).toBe(res.body.id);
  });
});
