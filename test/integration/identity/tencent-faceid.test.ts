import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import request from 'supertest';
import { TencentFaceIdVerifier } from '../../../functions/identity/tencent-faceid.client';
import { connectDatabase } from '../../../functions/shared/db/dynamo';
import { keys } from '../../../functions/shared/db/keys';
import { hashIdNumber } from '../../../functions/shared/domain/id-hash';
import { startFakeTencent, type FakeTencent, type FakeTencentReply } from '../../support/fake-tencent';
import { newResident, randomIdNumber, verifyResident } from '../../support/people';
import { testApp, type TestApp } from '../../support/test-app';

/**
 * The production identity-verification client (Tencent Cloud FaceID IdCardVerification, through
 * Tencent's SDK) against a fake Tencent endpoint that checks the TC3-HMAC-SHA256 signature itself.
 */
describe('real-name verification with Tencent Cloud FaceID (production client, fake server)', () => {
  let tencent: FakeTencent;
  let t: TestApp;
  const TIMEOUT_MS = 500;
  const env = (over: Record<string, string> = {}) => ({
    IDENTITY_SERVICE: 'tencent',
    TENCENT_SECRET_ID: tencent.secretId,
    TENCENT_SECRET_KEY: tencent.secretKey,
    TENCENT_FACEID_ENDPOINT: tencent.endpoint,
    TENCENT_FACEID_REGION: 'ap-shanghai',
    TENCENT_FACEID_TIMEOUT_MS: String(TIMEOUT_MS),
    ...over,
  });

  beforeAll(async () => {
    tencent = await startFakeTencent();
    t = await testApp(env());
  });
  afterAll(() => tencent.close());

  // Every test uses its own name, so the answers programmed for one do not leak into another.
  let names = 0;
  const freshName = (reply?: FakeTencentReply) => {
    const name = `测试${'甲乙丙丁戊己庚辛壬癸'[names % 10]}${'子丑寅卯辰巳午未申酉戌亥'[Math.floor(names / 10) % 12]}`;
    names++;
    if (reply) tencent.answer(name, reply);
    return name;
  };

  const callsFor = (name: string) => tencent.calls.filter((c) => c.body.Name === name);

  const nothingStored = async (userId: string, idNumber: string) => {
    const db = connectDatabase(t.config);
    const get = (key: { pk: string; sk: string }) => db.client.send(new GetItemCommand({ TableName: db.tableName, Key: marshall(key), ConsistentRead: true }));
    const owner = await get(keys.idOwner(hashIdNumber(idNumber, t.config.idHashPepper)));
    const user = await get(keys.user(userId));
    return !owner.Item && !user.Item?.realNameVerifiedAt && !user.Item?.idHash;
  };

  it('verifies a matching name and number with one signed IdCardVerification request', async () => {
    const r = await newResident(t);
    const idNumber = randomIdNumber();
    const name = freshName();
    const res = await verifyResident(t.app, r.token, idNumber, name);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ realNameVerified: true, name });

    const calls = callsFor(name);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    // The fake recomputed the TC3-HMAC-SHA256 signature with the secret key and found it right.
    expect(call.signatureValid).toBe(true);
    expect(call.headers.authorization).toMatch(new RegExp(`^TC3-HMAC-SHA256 Credential=${tencent.secretId}/\\d{4}-\\d{2}-\\d{2}/[a-z0-9]+/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$`));
    expect(call.headers['x-tc-action']).toBe('IdCardVerification');
    expect(call.headers['x-tc-version']).toBe('2018-03-01');
    expect(call.headers['x-tc-region']).toBe('ap-shanghai');
    expect(call.headers['content-type']).toBe('application/json');
    expect(call.body).toEqual({ IdCard: idNumber, Name: name });
    // The secret key itself never travels.
    expect(call.rawBody + JSON.stringify(call.headers)).not.toContain(tencent.secretKey);
  });

  it.each([
    ['-1', '姓名和身份证号不一致'],
    ['-2', '非法身份证号'],
    ['-3', '非法姓名'],
    ['-5', '证件库中无此身份证记录'],
  ])('answers Result %s (%s) with 422 IDENTITY_MISMATCH and stores nothing', async (result, description) => {
    const r = await newResident(t);
    const idNumber = randomIdNumber();
    const res = await verifyResident(t.app, r.token, idNumber, freshName({ result, description }));
    expect(res.status).toBe(422);
    // The same words whatever Tencent said: nobody learns whether a number exists.
    expect(res.body.error).toEqual({ code: 'IDENTITY_MISMATCH', message: '姓名与身份证号码不一致，请核对后重试', requestId: expect.any(String) });
    expect(await nothingStored(r.userId, idNumber)).toBe(true);
  });

  it.each<[string, FakeTencentReply]>([
    ['Result -4 (证件库服务异常)', { result: '-4' }],
    ['Result -6 (系统升级中)', { result: '-6' }],
    ['Result -7 (超过当日次数)', { result: '-7' }],
    ['an unknown Result', { result: '42' }],
    ['Error AuthFailure.SecretIdNotFound', { error: 'AuthFailure.SecretIdNotFound' }],
    ['Error InternalError', { error: 'InternalError' }],
    ['Error RequestLimitExceeded', { error: 'RequestLimitExceeded' }],
    ['Error FailedOperation.UnKnown', { error: 'FailedOperation.UnKnown' }],
    ['HTTP 500', { httpStatus: 500 }],
    ['HTTP 502', { httpStatus: 502 }],
    ['a body that is not JSON', { garbage: true }],
  ])('answers %s with 503 IDENTITY_SERVICE_UNAVAILABLE and stores nothing', async (_label, reply) => {
    const r = await newResident(t);
    const idNumber = randomIdNumber();
    const res = await verifyResident(t.app, r.token, idNumber, freshName(reply));
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('IDENTITY_SERVICE_UNAVAILABLE');
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(JSON.stringify(res.body)).not.toMatch(/InternalError|AuthFailure|RequestLimit|fake error|upstream/);
    expect(await nothingStored(r.userId, idNumber)).toBe(true);
  });

  it('gives up after the configured timeout (503), and a late "match" stores nothing', async () => {
    const r = await newResident(t);
    const idNumber = randomIdNumber();
    const name = freshName({ delayMs: TIMEOUT_MS + 1000 });
    const started = Date.now();
    const res = await verifyResident(t.app, r.token, idNumber, name);
    const took = Date.now() - started;
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('IDENTITY_SERVICE_UNAVAILABLE');
    expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(took).toBeLessThan(TIMEOUT_MS + 900);
    await new Promise((done) => setTimeout(done, 1200));
    expect(await nothingStored(r.userId, idNumber)).toBe(true);
  });

  it('answers 503 when Tencent cannot be reached at all', async () => {
    const down = await testApp(env({ TENCENT_FACEID_ENDPOINT: 'http://127.0.0.1:9' }));
    const r = await newResident(down);
    const res = await verifyResident(down.app, r.token, randomIdNumber(), freshName());
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('IDENTITY_SERVICE_UNAVAILABLE');
  });

  it('is refused by the fake when signed with another key (the fake really checks signatures)', async () => {
    const wrongKey = await testApp(env({ TENCENT_SECRET_KEY: 'not-the-right-secret-key' }));
    const r = await newResident(wrongKey);
    const name = freshName();
    const res = await verifyResident(wrongKey.app, r.token, randomIdNumber(), name);
    expect(res.status).toBe(503);
    expect(callsFor(name).map((c) => c.signatureValid)).toEqual([false]);
  });

  it('does not count the service being unavailable against the resident, but counts mismatches', async () => {
    const r = await newResident(t);
    const down = freshName({ error: 'InternalError' });
    for (let i = 0; i < 6; i++) expect((await verifyResident(t.app, r.token, randomIdNumber(), down)).status).toBe(503);
    const wrong = freshName({ result: '-1' });
    for (let i = 0; i < 5; i++) expect((await verifyResident(t.app, r.token, randomIdNumber(), wrong)).status).toBe(422);
    const right = freshName();
    const refused = await verifyResident(t.app, r.token, randomIdNumber(), right);
    expect(refused.status).toBe(429);
    // Refused before Tencent is asked (and paid).
    expect(callsFor(right)).toHaveLength(0);
  });

  it('loads Tencent’s SDK only when a verification is made', async () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../../functions/identity/tencent-faceid.client');
      expect(Object.keys(require.cache).some((k) => k.includes('tencentcloud-sdk-nodejs-common'))).toBe(false);
    });
    const verifier = new TencentFaceIdVerifier({ secretId: tencent.secretId, secretKey: tencent.secretKey, region: 'ap-guangzhou', protocol: 'http:', host: tencent.endpoint.slice('http://'.length), timeoutMs: 2000 });
    await expect(verifier.verify({ name: freshName(), idNumber: randomIdNumber() })).resolves.toBe('match');
    await expect(verifier.verify({ name: freshName({ result: '-1' }), idNumber: randomIdNumber() })).resolves.toBe('mismatch');
  });

  it('still serves the rest of the API when verifications fail', async () => {
    const r = await newResident(t);
    await verifyResident(t.app, r.token, randomIdNumber(), freshName({ httpStatus: 500 }));
    expect((await request(t.app).get('/api/me').set('authorization', `Bearer ${r.token}`)).status).toBe(200);
  });
});
