import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { SENSITIVE_PI_CONSENT } from '../../functions/identity/consent-documents';
import { startDynamoLocal, type RunningDynamo } from '../../functions/local/dynamodb-local';
import { idCheckChar, usccCheckChar, USCC_CHARSET } from '../../functions/shared/domain/identifiers';
import { startFakeTencent, type FakeTencent } from '../support/fake-tencent';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { registerIdNumber } from '../support/privacy-run';
import { freePorts, ROOT, startStack, type RunningStack } from './support/stack';

/**
 * A stage that is not `local`: no dev-login, no demo data. It is brought up from an empty table by
 * `npm run bootstrap` and operated by people who only have WeChat (the fake code2Session server):
 * the first administrator accepts the printed invitation, creates a merchant and a bank, their
 * staff sign in and accept invitations and work, and a manager's removal takes effect at once.
 * Residents' real names are verified by the production identity client (Tencent Cloud FaceID)
 * against a fake Tencent endpoint: a stage that is not local never uses the built-in stand-in.
 */
const uscc = (seed: string) => {
  let body = `91410104${seed}`;
  for (let i = 0; body.length < 17; i++) body += USCC_CHARSET[(seed.charCodeAt(i % seed.length) + i) % USCC_CHARSET.length];
  return body + usccCheckChar(body);
};

const randomValidId = (first17: string) => {
  const id = first17 + idCheckChar(first17);
  registerIdNumber(id);
  return id;
};

describe('a real stage from an empty table', () => {
  let dynamo: RunningDynamo;
  let wechat: FakeWechat;
  let tencent: FakeTencent;
  let stack: RunningStack;
  let env: Record<string, string>;

  beforeAll(async () => {
    const [dbPort] = await freePorts(1);
    [dynamo, wechat, tencent] = await Promise.all([startDynamoLocal({ port: dbPort }), startFakeWechat(), startFakeTencent()]);
    env = {
      STAGE: 'staging',
      TABLE_NAME: 'cxgc-staging',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      JWT_SECRET: 'staging-jwt-secret-for-the-e2e-test-0123456789',
      ID_HASH_PEPPER: 'staging-pepper-for-the-e2e-test-0123456789',
      PASS_SECRET: 'staging-pass-secret-for-the-e2e-test-012345',
      REPORT_SIGNING_KEY: 'c3RhZ2luZy1yZXBvcnQtc2lnbmluZy1rZXktMDEyMzQ',
      WECHAT_APP_ID: 'wx-staging',
      WECHAT_APP_SECRET: 'staging-app-secret',
      WECHAT_API_BASE: wechat.baseUrl,
      TENCENT_SECRET_ID: tencent.secretId,
      TENCENT_SECRET_KEY: tencent.secretKey,
      TENCENT_FACEID_ENDPOINT: tencent.endpoint,
      LOG_LEVEL: 'WARN',
    };
  }, 120_000);

  afterAll(async () => {
    await stack?.stop().catch(() => undefined);
    stack?.removeData();
    await Promise.all([dynamo?.stop(), wechat?.close(), tencent?.close()]);
  });

  const bootstrap = (...args: string[]) =>
    spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['functions/local/bootstrap.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });

  let api: (method: string, url: string, token?: string, body?: unknown) => Promise<{ status: number; body: any }>;
  const signIn = async (who: string) => {
    const res = await api('POST', '/api/auth/wechat', undefined, { code: `ok-${who}` });
    expect(res.status).toBe(200);
    return res.body.token as string;
  };

  it('bootstraps once, prints one administrator invitation, and a second run changes nothing', async () => {
    const first = bootstrap();
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/rule catalogue version 1/);
    const code = /^ADMIN_INVITATION=([0-9A-Z]{1,16})$/m.exec(first.stdout)?.[1];
    expect(code).toBeDefined();
    const second = bootstrap();
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/nothing to do/);
    expect(second.stdout).not.toMatch(/ADMIN_INVITATION=/);
    expect(second.stdout).toMatch(/still open/);
    process.env.CX_TEST_ADMIN_CODE = code;

    stack = await startStack(200_000, env);
    api = async (method, url, token, body) => {
      const res = await fetch(stack.apiUrl + url, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
    // npm start uses the DynamoDB it is given (starting none), bootstraps nothing more, seeds no demo data.
    expect(stack.output()).toContain(`Using the DynamoDB at ${dynamo.endpoint}`);
    expect(stack.output()).toMatch(/stage staging bootstrapped: 0 created/);
    expect(stack.output()).not.toMatch(/ADMIN_INVITATION=/);
    expect((await api('POST', '/api/auth/dev-login', undefined, { userId: 'admin' })).status).toBe(404);
  }, 300_000);

  it('is operated by people who only have WeChat, and a removal takes effect at once', async () => {
    // The first administrator.
    const adminResident = await signIn('first-admin');
    const admin = await api('POST', '/api/invitations/accept', adminResident, { code: process.env.CX_TEST_ADMIN_CODE });
    expect(admin.status).toBe(200);
    expect(admin.body.user.roles).toContain('admin');
    const adminToken = admin.body.token as string;
    expect((await api('GET', '/api/rules')).body.items.length).toBeGreaterThan(30);
    expect((await api('GET', '/api/measures')).status).toBe(200);

    // A merchant and a bank.
    const merchant = await api('POST', '/api/orgs', adminToken, { type: 'merchant', name: '管城区诚信书店', uscc: uscc('BK1234') });
    const bank = await api('POST', '/api/orgs', adminToken, { type: 'bank', name: '管城农商银行', uscc: uscc('RB5678') });
    expect([merchant.status, bank.status]).toEqual([201, 201]);

    // Their managers join by invitation, the merchant's manager brings a clerk.
    const join = async (orgId: string, role: string, who: string, manager: boolean, inviter = adminToken) => {
      const inv = await api('POST', `/api/orgs/${orgId}/invitations`, inviter, { role, name: who, manager });
      expect(inv.status).toBe(201);
      const person = await signIn(who);
      const accepted = await api('POST', '/api/invitations/accept', person, { code: inv.body.code });
      expect(accepted.status).toBe(200);
      const me = await api('GET', '/api/me', person);
      return { token: accepted.body.token as string, userId: me.body.user.id as string };
    };
    const shopManager = await join(merchant.body.id, 'merchant', 'shop-manager', true);
    const clerk = await join(merchant.body.id, 'merchant', 'shop-clerk', false, shopManager.token);
    const officer = await join(bank.body.id, 'bank', 'bank-officer', true);

    // The bank publishes a product; the centre opens a 信易+ scenario at the merchant.
    const product = await api('POST', '/api/loan-products', officer.token, {
      name: '农商诚信贷', minAmount: 50_000, maxAmount: 500_000, minTermMonths: 6, maxTermMonths: 24, annualRateMin: 3.6, annualRateMax: 4.8,
      criteria: { minGrade: 'B', noSeriousDishonesty: true, maxPenalties12m: 1, minYearsOperating: 0, minTaxGrade: 'M' },
    });
    expect(product.status).toBe(201);
    expect((await api('GET', '/api/loan-products')).body.items.map((p: { name: string }) => p.name)).toContain('农商诚信贷');
    const now = Date.now();
    const scenario = await api('POST', '/api/incentives', adminToken, {
      id: 'books-discount', category: 'read', title: '诚信书店购书 9 折', benefit: '购书 9 折', minPoints: 100, quota: { count: 1, period: 'day' },
      validFrom: new Date(now - 86_400_000).toISOString(), validUntil: new Date(now + 30 * 86_400_000).toISOString(), merchantIds: [merchant.body.id],
    });
    expect(scenario.status).toBe(201);

    // A resident verifies their real name and shows a pass; the clerk redeems it.
    const resident = await signIn('resident-1');
    const first17 = '41010419900101123';
    const idNumber = first17 + idCheckChar(first17);
    registerIdNumber(idNumber);
    const consent = await api('GET', '/api/consents/sensitive-pi');
    expect(consent.body.version).toBe(SENSITIVE_PI_CONSENT.version);
    expect((await api('POST', '/api/me/real-name', resident, { name: '赵小明', idNumber, consent: true, consentVersion: consent.body.version })).status).toBe(200);
    // Checked with Tencent (signed request), not by a stand-in; a mismatch there stores nothing.
    expect(tencent.calls.filter((c) => c.body.Name === '赵小明').map((c) => [c.signatureValid, c.headers['x-tc-action'], c.body.IdCard === idNumber])).toEqual([[true, 'IdCardVerification', true]]);
    tencent.answer('王不符', { result: '-1' });
    const mismatch = await api('POST', '/api/me/real-name', await signIn('resident-3'), { name: '王不符', idNumber: randomValidId('41010519870203345'), consent: true, consentVersion: consent.body.version });
    expect(mismatch.status).toBe(422);
    const pass = await api('POST', '/api/incentives/books-discount/passes', resident);
    expect(pass.status).toBe(201);
    const redeemed = await api('POST', '/api/redemptions', clerk.token, { pass: pass.body.pass });
    expect(redeemed.status).toBe(201);
    expect(redeemed.body.resident.maskedName).toBe('赵**');

    // The manager sees the clerk and removes them: the clerk's next scan is refused.
    const staff = await api('GET', `/api/orgs/${merchant.body.id}/staff`, shopManager.token);
    expect(staff.body.items.map((s: { name: string }) => s.name).sort()).toEqual(['shop-clerk', 'shop-manager']);
    expect((await api('DELETE', `/api/orgs/${merchant.body.id}/staff/${clerk.userId}`, shopManager.token)).status).toBe(204);
    const resident2 = await signIn('resident-2');
    const second17 = '41010219851212224';
    const id2 = second17 + idCheckChar(second17);
    registerIdNumber(id2);
    expect((await api('POST', '/api/me/real-name', resident2, { name: '孙大伟', idNumber: id2, consent: true, consentVersion: SENSITIVE_PI_CONSENT.version })).status).toBe(200);
    const pass2 = await api('POST', '/api/incentives/books-discount/passes', resident2);
    const refused = await api('POST', '/api/redemptions', clerk.token, { pass: pass2.body.pass });
    expect([401, 403]).toContain(refused.status);
    expect((await api('POST', '/api/redemptions', shopManager.token, { pass: pass2.body.pass })).status).toBe(201);

    // Signing out ends that session.
    expect((await api('POST', '/api/auth/sign-out', officer.token)).status).toBe(204);
    expect((await api('GET', '/api/loan-applications', officer.token)).status).toBe(401);
  }, 180_000);
});
