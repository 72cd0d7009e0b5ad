import request from 'supertest';
import { GetItemCommand, QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { SENSITIVE_PI_CONSENT } from '../../../functions/identity/consent-documents';
import { connectDatabase } from '../../../functions/shared/db/dynamo';
import { keys } from '../../../functions/shared/db/keys';
import { hashIdNumber } from '../../../functions/shared/domain/id-hash';
import { idCheckChar } from '../../../functions/shared/domain/identifiers';
import { registerIdNumber } from '../../support/privacy-run';
import { newResident, randomIdNumber, verifyResident } from '../../support/people';
import { testApp, type TestApp } from '../../support/test-app';

const withCheck = (first17: string) => {
  const id = first17 + idCheckChar(first17);
  registerIdNumber(id);
  return id;
};

describe('POST /api/me/real-name', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });

  const me = async (token: string) => (await request(t.app).get('/api/me').set('authorization', `Bearer ${token}`)).body.user;

  /** What the table holds for this account and number: the number's owner marker, consents, the verified flag. */
  const storedFor = async (userId: string, idNumber: string) => {
    const db = connectDatabase(t.config);
    const idHash = hashIdNumber(idNumber, t.config.idHashPepper);
    const get = (key: { pk: string; sk: string }) => db.client.send(new GetItemCommand({ TableName: db.tableName, Key: marshall(key), ConsistentRead: true }));
    const consents = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: marshall({ ':pk': keys.user(userId).pk, ':sk': 'CONSENT#' }),
        ConsistentRead: true,
      }),
    );
    return {
      idOwner: Boolean((await get(keys.idOwner(idHash))).Item),
      consents: consents.Items?.length ?? 0,
      userVerified: Boolean((await get(keys.user(userId))).Item?.realNameVerifiedAt),
    };
  };

  it('verifies, stores only a hash and a mask, and starts the points at 100', async () => {
    const r = await newResident(t);
    const idNumber = randomIdNumber();
    const res = await verifyResident(t.app, r.token, idNumber, '欧阳娜娜');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ realNameVerified: true, maskedIdNumber: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`, name: '欧阳娜娜', token: expect.any(String), expiresAt: expect.any(String) });
    // The fresh session works at once and names the new credit subject (never the ID number).
    const fresh = await request(t.app).get('/api/points/me').set('authorization', `Bearer ${res.body.token}`);
    expect(fresh.body).toMatchObject({ points: 100 });
    expect(Buffer.from(res.body.token.split('.')[1], 'base64url').toString()).not.toContain(idNumber);
    const me = await request(t.app).get('/api/me').set('authorization', `Bearer ${r.token}`);
    expect(me.body.user).toMatchObject({ name: '欧阳娜娜', realNameVerified: true });
    const points = await request(t.app).get('/api/points/me').set('authorization', `Bearer ${r.token}`);
    expect(points.body).toMatchObject({ points: 100, tier: { label: '良好' } });
    const db = connectDatabase(t.config);
    const dump = JSON.stringify((await db.client.send(new ScanCommand({ TableName: db.tableName }))).Items);
    expect(dump).not.toContain(idNumber);
  });

  it.each([
    ['a wrong check character', { idNumber: '410104198805123011' }, 400, 'INVALID_ID_NUMBER', '身份证号码校验位不正确，请核对'],
    ['a province code no province has', { idNumber: withCheck('99010419880512301') }, 400, 'INVALID_ID_NUMBER', '身份证号码前两位不是有效的省级行政区代码，请核对'],
    ['a birth date in the future', { idNumber: withCheck(`410104${new Date().getUTCFullYear() + 1}0101301`) }, 400, 'INVALID_ID_NUMBER', '身份证号码中的出生日期晚于今天，请核对'],
    ['a birth date before 1900', { idNumber: withCheck('41010418991231301') }, 400, 'INVALID_ID_NUMBER', '身份证号码中的出生日期早于 1900 年，请核对'],
    ['a birth date that does not exist', { idNumber: withCheck('41010419900230301') }, 400, 'INVALID_ID_NUMBER', '身份证号码中的出生日期无效'],
    ['no consent', { consent: false }, 400, 'VALIDATION_FAILED', undefined],
    ['an old consent version', { consentVersion: '2026-01' }, 409, 'CONSENT_OUTDATED', '授权书已更新，请重新阅读并同意最新版本'],
    ['a name in Latin letters', { name: 'Zhang Wei' }, 400, 'VALIDATION_FAILED', undefined],
  ])('refuses %s', async (_label, over, status, code, message) => {
    const r = await newResident(t);
    const res = await request(t.app)
      .post('/api/me/real-name')
      .set('authorization', `Bearer ${r.token}`)
      .send({ name: '刘洋', idNumber: randomIdNumber(), consent: true, consentVersion: SENSITIVE_PI_CONSENT.version, ...over });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    if (message) expect(res.body.error.message).toBe(message);
    if (code === 'CONSENT_OUTDATED') expect(res.body.error.details).toEqual({ currentVersion: SENSITIVE_PI_CONSENT.version });
    expect((await me(r.token)).realNameVerified).toBe(false);
  });

  it('serves the consent text and its version from one source', async () => {
    const res = await request(t.app).get('/api/consents/sensitive-pi');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ type: 'sensitive-pi', version: SENSITIVE_PI_CONSENT.version, title: '个人敏感信息处理授权书', text: SENSITIVE_PI_CONSENT.text });
    expect(res.body.text).toContain('身份核验服务');
  });

  it('records the consent version the resident accepted', async () => {
    const r = await newResident(t);
    expect((await verifyResident(t.app, r.token, randomIdNumber())).status).toBe(200);
    const consents = await request(t.app).get('/api/consents').set('authorization', `Bearer ${r.token}`);
    expect(consents.body.items).toEqual([expect.objectContaining({ type: 'sensitive-pi', version: SENSITIVE_PI_CONSENT.version, active: true })]);
  });

  describe('the stand-in identity service of the test stage', () => {
    it('answers 王不符 with 422 IDENTITY_MISMATCH and stores nothing: the number stays free', async () => {
      const r = await newResident(t);
      const idNumber = randomIdNumber();
      const res = await verifyResident(t.app, r.token, idNumber, '王不符');
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'IDENTITY_MISMATCH', message: '姓名与身份证号码不一致，请核对后重试' });
      expect(await me(r.token)).toMatchObject({ name: '微信用户', realNameVerified: false });
      expect(await storedFor(r.userId, idNumber)).toEqual({ idOwner: false, consents: 0, userVerified: false });
      const other = await newResident(t);
      expect((await verifyResident(t.app, other.token, idNumber)).status).toBe(200);
    });

    it('answers 王超时 with 503 IDENTITY_SERVICE_UNAVAILABLE and stores nothing', async () => {
      const r = await newResident(t);
      const idNumber = randomIdNumber();
      const res = await verifyResident(t.app, r.token, idNumber, '王超时');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('IDENTITY_SERVICE_UNAVAILABLE');
      expect(res.body.error.message).toMatch(/稍后重试/);
      expect(await storedFor(r.userId, idNumber)).toEqual({ idOwner: false, consents: 0, userVerified: false });
    });
  });

  describe('failed attempts (5 a day per account)', () => {
    it('counts invalid numbers, mismatches and numbers taken, then refuses even a correct attempt with 429', async () => {
      const holder = await newResident(t);
      const taken = randomIdNumber();
      expect((await verifyResident(t.app, holder.token, taken)).status).toBe(200);

      const r = await newResident(t);
      expect((await verifyResident(t.app, r.token, withCheck('99010419880512301'))).status).toBe(400);
      expect((await verifyResident(t.app, r.token, randomIdNumber(), '王不符')).status).toBe(422);
      expect((await verifyResident(t.app, r.token, taken)).body.error.code).toBe('ID_NUMBER_TAKEN');
      expect((await verifyResident(t.app, r.token, taken)).body.error.code).toBe('ID_NUMBER_TAKEN');
      // The service being down is not the resident's failure.
      for (let i = 0; i < 3; i++) expect((await verifyResident(t.app, r.token, randomIdNumber(), '王超时')).status).toBe(503);
      expect((await verifyResident(t.app, r.token, randomIdNumber(), '王不符')).status).toBe(422);

      const refused = await verifyResident(t.app, r.token, randomIdNumber());
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({ code: 'RATE_LIMITED' });
      expect(refused.body.error.message).toMatch(/明天再试/);
      // Probing whether a number is registered is refused the same way.
      expect((await verifyResident(t.app, r.token, taken)).status).toBe(429);
      expect((await me(r.token)).realNameVerified).toBe(false);

      // Another account is not affected.
      const other = await newResident(t);
      expect((await verifyResident(t.app, other.token, randomIdNumber())).status).toBe(200);
    });

    it('lets exactly 5 of 12 parallel mismatching attempts reach the service', async () => {
      const r = await newResident(t);
      const results = await Promise.all(Array.from({ length: 12 }, () => verifyResident(t.app, r.token, randomIdNumber(), '王不符')));
      const statuses = results.map((x) => x.status);
      expect(statuses.filter((s) => s === 422)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    });

    it('does not count a successful verification', async () => {
      const r = await newResident(t);
      for (let i = 0; i < 4; i++) expect((await verifyResident(t.app, r.token, randomIdNumber(), '王不符')).status).toBe(422);
      expect((await verifyResident(t.app, r.token, randomIdNumber())).status).toBe(200);
      const db = connectDatabase(t.config);
      const items = (await db.client.send(new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: `RATE#real-name-failures#${r.userId}` } }, ConsistentRead: true }))).Items ?? [];
      expect(items.map((i) => Number(i.count.N))).toEqual([4]);
      expect(Number(items[0].ttl.N)).toBeGreaterThan(Date.now() / 1000);
    });
  });

  it('lets one ID number verify one account only, even when two race', async () => {
    const idNumber = randomIdNumber();
    const [a, b] = await Promise.all([newResident(t), newResident(t)]);
    const results = await Promise.all([verifyResident(t.app, a.token, idNumber), verifyResident(t.app, b.token, idNumber)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('ID_NUMBER_TAKEN');
  });

  it('refuses a second verification of the same account', async () => {
    const r = await newResident(t);
    expect((await verifyResident(t.app, r.token, randomIdNumber())).status).toBe(200);
    const again = await verifyResident(t.app, r.token, randomIdNumber());
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_VERIFIED');
  });
});
