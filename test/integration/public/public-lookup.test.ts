import { randomInt } from 'node:crypto';
import * as dynamoose from 'dynamoose';
import request from 'supertest';
import { fixedClock } from '../../../functions/shared/domain/clock';
import { usccCheckChar } from '../../../functions/shared/domain/identifiers';
import { randomUscc } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** Four CJK characters no other test's business name will contain. */
const uniqueWord = () => Array.from({ length: 4 }, () => String.fromCharCode(0x5000 + randomInt(0x3000))).join('');

/** Records every DynamoDB command sent while `fn` runs, by its class name. */
async function commandsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const client = dynamoose.aws.ddb();
  const original = client.send.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const seen: string[] = [];
  const spy = jest.spyOn(client, 'send').mockImplementation(((...args: unknown[]) => {
    seen.push((args[0] as object).constructor.name);
    return original(...args);
  }) as never);
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return seen;
}

describe('the public business look-up (企业信用查询)', () => {
  let t: TestApp;
  let market: string;
  const feed = (items: object[]) => request(t.app).post('/api/registry/enterprises').set(auth(market)).send({ items });
  beforeAll(async () => {
    t = await testApp();
    market = await loginAs(t.app, 'dept-market');
  });

  it('finds a business signed out by a fragment from the middle of its name, by its prefix, and by its code, without a scan', async () => {
    const word = uniqueWord();
    const uscc = randomUscc();
    const other = randomUscc();
    expect((await feed([
      { uscc, name: `${word}管城信用查询科技有限公司`, legalRepresentative: '王大明', establishedOn: '2019-05-06', status: 'active' },
      { uscc: other, name: `河南${word}贸易有限公司`, legalRepresentative: '李小红', establishedOn: '2020-01-02', status: 'revoked' },
    ])).body).toMatchObject({ accepted: 2, rejected: [] });

    const byWord = await request(t.app).get('/api/public/enterprises').query({ q: word });
    expect(byWord.status).toBe(200);
    // The one whose name starts with the query comes first.
    expect(byWord.body.items).toEqual([
      { uscc, name: `${word}管城信用查询科技有限公司`, status: 'active', statusLabel: '存续' },
      { uscc: other, name: `河南${word}贸易有限公司`, status: 'revoked', statusLabel: '吊销' },
    ]);
    const middle = await request(t.app).get('/api/public/enterprises').query({ q: `${word.slice(2)}贸易` });
    expect(middle.body.items.map((i: { uscc: string }) => i.uscc)).toEqual([other]);
    // Full-width and spaced input reads like what was meant.
    const spaced = await request(t.app).get('/api/public/enterprises').query({ q: ` ${word.slice(0, 2)} ${word.slice(2)}管城 ` });
    expect(spaced.body.items.map((i: { uscc: string }) => i.uscc)).toEqual([uscc]);

    const byCode = await request(t.app).get('/api/public/enterprises').query({ q: uscc.toLowerCase() });
    expect(byCode.body.items).toEqual([{ uscc, name: `${word}管城信用查询科技有限公司`, status: 'active', statusLabel: '存续' }]);

    // Through the repository and through the route: Queries and one BatchGetItem, never a Scan.
    const repoCommands = await commandsDuring(() => t.deps.registry.searchByName(word, 20));
    expect(new Set(repoCommands)).toEqual(new Set(['QueryCommand', 'BatchGetItemCommand']));
    const routeCommands = await commandsDuring(() => request(t.app).get('/api/public/enterprises').query({ q: word }));
    expect(routeCommands).not.toContain('ScanCommand');
    expect(routeCommands.filter((c) => !['QueryCommand', 'BatchGetItemCommand', 'UpdateItemCommand'].includes(c))).toEqual([]);
    const codeCommands = await commandsDuring(() => request(t.app).get('/api/public/enterprises').query({ q: uscc }));
    expect(codeCommands).not.toContain('ScanCommand');
  });

  it('follows a rename: the old name no longer finds the business, the new one does', async () => {
    const [before, after] = [uniqueWord(), uniqueWord()];
    const uscc = randomUscc();
    await feed([{ uscc, name: `${before}改名前有限公司`, legalRepresentative: '赵改名', establishedOn: '2018-01-01', status: 'active' }]);
    expect((await request(t.app).get('/api/public/enterprises').query({ q: before })).body.items).toHaveLength(1);
    await feed([{ uscc, name: `${after}改名后有限公司`, legalRepresentative: '赵改名', establishedOn: '2018-01-01', status: 'cancelled' }]);
    expect((await request(t.app).get('/api/public/enterprises').query({ q: before })).body.items).toEqual([]);
    expect((await request(t.app).get('/api/public/enterprises').query({ q: after })).body.items).toEqual([{ uscc, name: `${after}改名后有限公司`, status: 'cancelled', statusLabel: '注销' }]);
  });

  it('returns at most 20 businesses', async () => {
    const word = uniqueWord();
    const items = Array.from({ length: 23 }, (_, i) => ({ uscc: randomUscc(), name: `${word}连锁第${i + 1}分店有限公司`, legalRepresentative: '钱多多', establishedOn: '2021-01-01', status: 'active' }));
    expect((await feed(items)).body.accepted).toBe(23);
    const res = await request(t.app).get('/api/public/enterprises').query({ q: word });
    expect(res.body.items).toHaveLength(20);
    expect(new Set(res.body.items.map((i: { uscc: string }) => i.uscc)).size).toBe(20);
  });

  it('refuses a malformed code and a query shorter than two characters with Chinese messages', async () => {
    const uscc = randomUscc();
    const wrongCheck = uscc.slice(0, 17) + (usccCheckChar(uscc.slice(0, 17)) === '0' ? '1' : '0');
    const bad = await request(t.app).get('/api/public/enterprises').query({ q: wrongCheck });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_USCC');
    expect(bad.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    for (const q of ['华', ' ', '']) {
      const short = await request(t.app).get('/api/public/enterprises').query({ q });
      expect({ q, status: short.status, code: short.body.error?.code }).toEqual({ q, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect((await request(t.app).get('/api/public/enterprises')).status).toBe(400);
  });

  it('shows the public page signed out, the legal representative masked to the surname', async () => {
    const uscc = randomUscc();
    await feed([{ uscc, name: `${uniqueWord()}公示页有限公司`, legalRepresentative: '欧阳明华', establishedOn: '2017-07-07', status: 'active' }]);
    const res = await request(t.app).get(`/api/public/enterprises/${uscc}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ uscc, legalRepresentative: '欧阳**', establishedOn: '2017-07-07', status: 'active', statusLabel: '存续', commitments: [] });
    expect(JSON.stringify(res.body)).not.toContain('明华');
    expect(res.body.grade).toBeUndefined();
    expect(res.body.repairGuidance).toBeUndefined();
    expect((await request(t.app).get(`/api/public/enterprises/${randomUscc()}`)).status).toBe(404);
    const invalid = await request(t.app).get('/api/public/enterprises/12345');
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('INVALID_USCC');
  });

  it('shows the business’s licences and the penalties inside their publicity period, with 信用修复 guidance', async () => {
    const uscc = randomUscc();
    const name = `${uniqueWord()}双公示有限公司`;
    await feed([{ uscc, name, legalRepresentative: '孙公示', establishedOn: '2016-06-06', status: 'active' }]);
    const day = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);
    const common = { uscc, partyName: name, legalBasis: '《中华人民共和国食品安全法》第三十五条', decidedOn: day(3) };
    const sent = await request(t.app).post('/api/disclosures').set(auth(market)).send({
      items: [
        { ...common, kind: 'license', sourceId: `XK-${uscc}`, decisionNo: '管市监许〔2026〕1号', category: '普通', content: '食品经营许可', validFrom: day(3), validTo: '2031-12-31' },
        { ...common, kind: 'penalty', sourceId: `CF-${uscc}`, decisionNo: '管市监罚〔2026〕8号', category: '罚款', content: '销售过期食品，罚款 5000 元', severity: 'general', fineYuan: 5000 },
        { ...common, kind: 'penalty', sourceId: `CF-S-${uscc}`, decisionNo: '管市监罚〔2026〕9号', category: '罚款', content: '简易程序罚款', severity: 'general', fineYuan: 200, simpleProcedure: true },
      ],
    });
    expect(sent.status).toBe(200);
    const res = await request(t.app).get(`/api/public/enterprises/${uscc}`);
    expect(res.status).toBe(200);
    expect(res.body.licenses).toEqual([expect.objectContaining({ decisionNo: '管市监许〔2026〕1号', content: '食品经营许可' })]);
    expect(res.body.penalties).toEqual([expect.objectContaining({ decisionNo: '管市监罚〔2026〕8号', severity: 'general', publicUntil: expect.any(String) })]);
    expect(res.body.repairGuidance).toMatchObject({ title: '信用修复', steps: expect.any(Array) });
  });

  it('limits searches per client address: the 61st in a minute is 429 RATE_LIMITED', async () => {
    // A fixed clock in a minute of its own: no other test shares this window.
    const minute = Date.UTC(2031, 0, 1) + randomInt(500_000) * 60_000;
    const limited = await testApp({}, { clock: fixedClock(new Date(minute + 5_000).toISOString()) });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await request(limited.app).get('/api/public/enterprises').query({ q: '管城' })).status);
    expect(statuses).toEqual(Array(60).fill(200));
    const refused = await request(limited.app).get('/api/public/enterprises').query({ q: '管城' });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
    expect(refused.headers['retry-after']).toBe('60');
  });
});
