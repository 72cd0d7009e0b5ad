/**
 * Rights in a real browser, two phones side by side. 李娜 (res-li) opens 我的信用 and her
 * 行政处罚（一般）, raises an objection and sees 异议处理中; the market regulator (dept-market)
 * rejects it with a reason in its queue; 李娜 reads the rejection and the reason in 异议与修复.
 * Then credit repair: the local stack's clock cannot be moved, so the regulator reports (through
 * the API) a second general penalty that happened 100 days ago, past its 3-month minimum
 * publication period; 李娜 applies for repair in the app, the regulator approves it, and her
 * record shows 已修复 with her points back where they were. Her signed report, read from the API,
 * is 有效 at 报告核验 (in a browser nobody signed in to) and 无效 once one character changes.
 * Also 谁查看了我的信用, 联合惩戒, 授权管理 (withdraw and grant again, by a resident who signed up
 * through a stand-in for WeChat's code2Session, since the demo residents carry no consent record)
 * and the credit centre's console on a phone and in a 1280×800 desktop browser.
 */
import { randomInt, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { demoUsers } from '../../functions/seed/demo-data';
import { idCheckChar } from '../../functions/shared/domain/identifiers';
import { launchBrowser, settle, tab, type Browser } from './support/browser';
import { startStack, type RunningStack } from './support/stack';
import { need, visible } from './support/selectors';

jest.setTimeout(240_000);

let stack: RunningStack | undefined;
let li: Browser | undefined;
let dept: Browser | undefined;

/** Stands in for WeChat's code2Session: every code is a new user `e2e-<code>`. */
const wechat = http.createServer((req, res) => {
  const code = new URL(req.url ?? '/', 'http://localhost').searchParams.get('js_code') ?? '';
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ openid: `e2e-${code}`, session_key: 'never-leaves-the-server' }));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => wechat.listen(0, '127.0.0.1', () => resolve()));
  // The stack inherits this environment (see support/stack.ts).
  process.env.WECHAT_API_BASE = `http://127.0.0.1:${(wechat.address() as AddressInfo).port}`;
  stack = await startStack();
  li = await launchBrowser();
  dept = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await li?.close();
  await dept?.close();
  await stack?.stop().catch(() => undefined);
  stack?.removeData();
  delete process.env.WECHAT_API_BASE;
  await new Promise<void>((resolve) => wechat.close(() => resolve()));
});


const web = () => need(stack, 'the stack').webUrl;
const PAGES = {
  credit: '#/packages/resident/credit/index',
  cases: '#/packages/resident/cases/index',
  accessLog: '#/packages/resident/access-log/index',
  consents: '#/packages/resident/consents/index',
  measures: '#/packages/resident/measures/index',
  verify: '#/packages/public/verify/index',
  admin: '#/packages/admin/index/index',
  adminRules: '#/packages/admin/rules/index',
  adminIncentives: '#/packages/admin/incentives/index',
  adminMeasures: '#/packages/admin/measures/index',
};

const OBJECTION_REASON = '处罚决定书上的当事人不是我，我当天不在现场，请核实';
const REJECTION_REASON = '经核查，处罚决定书载明的当事人身份信息与您一致，记录无误';
const REPAIR_STATEMENT = '罚款已于上月全部缴清，相关问题已整改完毕，附缴款凭证编号 2026-0815';
const APPROVAL_REASON = '已核实缴款凭证和整改情况，同意信用修复';

async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${need(stack, 'the stack').apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const tokens = new Map<string, string>();
async function tokenOf(userId: string): Promise<string> {
  const known = tokens.get(userId);
  if (known) return known;
  const login = await api<{ token: string }>('POST', '/api/auth/dev-login', { userId });
  expect(login.status).toBe(200);
  tokens.set(userId, login.body.token);
  return login.body.token;
}

interface EventSummary {
  id: string;
  ruleId: string;
  occurredAt: string;
  status: string;
}

async function liEvents(): Promise<EventSummary[]> {
  const res = await api<{ items: EventSummary[] }>('GET', '/api/points/me/events?limit=100', undefined, await tokenOf('res-li'));
  expect(res.status).toBe(200);
  return res.body.items;
}

const liPoints = async () => (await api<{ points: number }>('GET', '/api/points/me', undefined, await tokenOf('res-li'))).body.points;

/** Waits until the element says `text` (a locator's textContent() does not wait for a change). */
async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
  await expect(locator.first().textContent()).resolves.toContain(text);
}

/** Taro's H5 button is a custom element: disabled is its attribute, which Playwright does not read. */
const isDisabled = (locator: Locator) => locator.evaluate((el) => el.hasAttribute('disabled'));

async function signIn(page: Page, userId: string): Promise<void> {
  await page.goto(`${web()}/#/pages/login/index`);
  await page.locator(visible(`login-${userId}`)).click();
  await page.locator(visible('home')).waitFor({ timeout: 30_000 });
}

/** Opens one of 李娜's records from 我的信用 (reloaded, so it shows the server's state). */
async function openRecord(page: Page, eventId: string): Promise<void> {
  await page.goto(`${web()}/${PAGES.credit}`);
  await page.reload();
  await page.locator(visible('credit-page')).waitFor({ timeout: 30_000 });
  await page.locator(`${visible('event-item')}[data-event-id="${eventId}"]`).click();
  await page.locator(visible('event-detail')).waitFor({ timeout: 30_000 });
}

/** The department's queue of one kind, opened from its home. */
async function openQueue(page: Page, kind: 'objection' | 'repair'): Promise<void> {
  await page.goto(`${web()}/${PAGES.admin}`);
  await page.reload();
  await page.locator(visible('department-home')).waitFor({ timeout: 30_000 });
  await page.locator(visible(`queue-entry-${kind}`)).click();
  await page.locator(visible('queue-page')).waitFor({ timeout: 30_000 });
  if (kind === 'repair') await page.locator(visible('queue-kind-repair')).click();
}

/** Answers the open case whose text is `text` with `decision` and `reason`, confirming. */
async function answer(page: Page, text: string, decision: string, reason: string): Promise<void> {
  const item = page.locator(visible('queue-item')).filter({ hasText: text });
  await item.waitFor({ timeout: 30_000 });
  await item.locator('[data-testid="queue-answer-open"]').click();
  await item.locator(`[data-testid="answer-decision-${decision}"]`).click();
  await item.locator('[data-testid="answer-reason"] textarea').fill(reason);
  await item.locator('[data-testid="answer-submit"]').click();
  await page.locator(visible('answer-confirm')).waitFor();
}

let originalPenalty = '';
let oldPenalty = '';
let pointsBefore = 0;

describe('异议: 李娜 objects, the market regulator rejects it with a reason', () => {
  it('李娜 opens 我的信用 → 行政处罚（一般） and raises an objection: 异议处理中', async () => {
    const { page, screenshot } = need(li, '李娜’s browser');
    const penalty = (await liEvents()).find((e) => e.ruleId === 'P-LAW-03');
    originalPenalty = need(penalty, 'her general penalty').id;

    await signIn(page, 'res-li');
    await tab(page, '我的').click();
    await page.locator(visible('mine-credit')).click();
    await page.locator(visible('credit-page')).waitFor({ timeout: 30_000 });
    const record = page.locator(`${visible('event-item')}[data-event-id="${originalPenalty}"]`);
    await expect(record.locator('[data-testid="event-title"]').textContent()).resolves.toBe('行政处罚（一般）');
    await record.click();
    await page.locator(visible('event-detail')).waitFor({ timeout: 30_000 });

    // 60 days old: its 3-month minimum publication period has not passed yet.
    await expect(isDisabled(page.locator(visible('repair-open')))).resolves.toBe(true);
    await expect(page.locator(visible('repair-message')).textContent()).resolves.toMatch(/最短公示期未满，可于 \d{4}-\d{2}-\d{2} 后申请信用修复（免费）.*无需任何中介/);

    await page.locator(visible('objection-open')).click();
    await page.locator(`${visible('objection-text')} textarea`).fill(OBJECTION_REASON);
    await settle(page);
    await screenshot('rights-objection-form.png', { fullPage: true });
    await page.locator(visible('objection-submit')).click();
    await expectText(page.locator(visible('objection-pending')), '异议处理中');
    await expect(page.locator(visible('event-detail-status')).textContent()).resolves.toBe('异议处理中');
    await settle(page);
    await screenshot('rights-objection-pending.png', { fullPage: true });

    const flagged = (await liEvents()).find((e) => e.id === originalPenalty);
    expect(flagged?.status).toBe('disputed');
  });

  it('dept-market sees it in its objection queue with the deadline and rejects it with a reason', async () => {
    const { page, screenshot } = need(dept, 'the department’s browser');
    await signIn(page, 'dept-market');
    // 首页 → 数据报送 opens the department workbench, whose 待办 lead to the queues.
    await page.locator(visible('entry-department')).click();
    await page.locator(visible('dept-home')).waitFor({ timeout: 30_000 });
    await expectText(page.locator(visible('dept-queue-objection')), '待处理 1 件');
    await settle(page);
    await screenshot('rights-dept-home.png');
    await page.locator(visible('dept-queue-objection')).click();
    await page.locator(visible('queue-page')).waitFor({ timeout: 30_000 });

    const item = page.locator(visible('queue-item')).filter({ hasText: OBJECTION_REASON });
    await expect(item.locator('[data-testid="queue-title"]').textContent()).resolves.toBe('行政处罚（一般）');
    await expect(item.locator('[data-testid="queue-deadline"]').textContent()).resolves.toMatch(/^答复期限 \d{4}-\d{2}-\d{2}$/);
    await answer(page, OBJECTION_REASON, 'reject', REJECTION_REASON);
    await settle(page);
    await screenshot('rights-dept-answer-confirm.png');
    await page.locator(visible('answer-confirm-confirm')).click();
    await expectText(item.locator('[data-testid="queue-status"]'), '未通过');
    await expect(item.locator('[data-testid="queue-answer"]').textContent()).resolves.toContain(REJECTION_REASON);
    await settle(page);
    await screenshot('rights-dept-objection-answered.png', { fullPage: true });
  });

  it('李娜 reads the rejection and the reason in 异议与修复', async () => {
    const { page, screenshot } = need(li, '李娜’s browser');
    await page.goto(`${web()}/#/pages/mine/index`);
    await page.locator(visible('mine-cases')).click();
    const item = page.locator(visible('case-item')).filter({ hasText: OBJECTION_REASON });
    await item.waitFor({ timeout: 30_000 });
    await expect(item.locator('[data-testid="case-status"]').textContent()).resolves.toBe('未通过');
    await expect(item.locator('[data-testid="case-answer"]').textContent()).resolves.toContain(REJECTION_REASON);
    await settle(page);
    await screenshot('rights-cases-rejected.png', { fullPage: true });
  });
});

describe('信用修复 after the minimum publication period', () => {
  it('the regulator reports, through the API, a general penalty from 100 days ago: 李娜 loses 8 points', async () => {
    pointsBefore = await liPoints();
    const idNumber = need(demoUsers.find((u) => u.id === 'res-li')?.idNumber, '李娜’s demo ID number');
    const sent = await api<{ accepted: number; rejected: unknown[] }>(
      'POST',
      '/api/credit-records',
      {
        records: [
          {
            sourceId: `E2E-RIGHTS-${randomUUID()}`,
            subjectType: 'person',
            subjectId: idNumber,
            ruleId: 'P-LAW-03',
            occurredAt: new Date(Date.now() - 100 * 86_400_000).toISOString(),
            severity: 'general',
          },
        ],
      },
      await tokenOf('dept-market'),
    );
    expect(sent).toMatchObject({ status: 200, body: { accepted: 1, rejected: [] } });
    const penalties = (await liEvents()).filter((e) => e.ruleId === 'P-LAW-03' && e.id !== originalPenalty);
    expect(penalties).toHaveLength(1);
    oldPenalty = penalties[0].id;
    await expect(liPoints()).resolves.toBe(pointsBefore - 8);
  });

  it('李娜 applies for repair on that record (free, no intermediary)', async () => {
    const { page, screenshot } = need(li, '李娜’s browser');
    await openRecord(page, oldPenalty);
    await expect(page.locator(visible('repair-message')).textContent()).resolves.toContain('信用修复免费，无需任何中介');
    await expect(isDisabled(page.locator(visible('repair-open')))).resolves.toBe(false);
    await page.locator(visible('repair-open')).click();
    await page.locator(`${visible('repair-text')} textarea`).fill(REPAIR_STATEMENT);
    await page.locator(visible('repair-submit')).click();
    await expectText(page.locator(visible('repair-pending')), '修复申请处理中');
    await settle(page);
    await screenshot('rights-repair-applied.png', { fullPage: true });
  });

  it('dept-market approves it in its repair queue', async () => {
    const { page, screenshot } = need(dept, 'the department’s browser');
    await openQueue(page, 'repair');
    await answer(page, REPAIR_STATEMENT, 'approve', APPROVAL_REASON);
    await page.locator(visible('answer-confirm-confirm')).click();
    const item = page.locator(visible('queue-item')).filter({ hasText: REPAIR_STATEMENT });
    await expectText(item.locator('[data-testid="queue-status"]'), '已修复');
    await settle(page);
    await screenshot('rights-dept-repair-approved.png', { fullPage: true });
  });

  it('李娜 sees 已修复 on the record and her points back where they were', async () => {
    const { page, screenshot } = need(li, '李娜’s browser');
    await page.goto(`${web()}/${PAGES.credit}`);
    await page.reload();
    await page.locator(visible('credit-page')).waitFor({ timeout: 30_000 });
    await expect(page.locator(`${visible('credit-page')} [data-testid="points-value"]`).textContent()).resolves.toBe(String(pointsBefore));
    const record = page.locator(`${visible('event-item')}[data-event-id="${oldPenalty}"]`);
    await expect(record.locator('[data-testid="event-status"]').textContent()).resolves.toBe('已修复');
    await record.scrollIntoViewIfNeeded();
    await settle(page);
    await screenshot('rights-repaired-credit.png', { fullPage: true });

    await page.goto(`${web()}/${PAGES.cases}`);
    await page.locator(visible('cases-kind-repair')).click();
    const item = page.locator(visible('case-item')).filter({ hasText: REPAIR_STATEMENT });
    await expectText(item.locator('[data-testid="case-status"]'), '已修复');
    await expect(item.locator('[data-testid="case-answer"]').textContent()).resolves.toContain(APPROVAL_REASON);
    await settle(page);
    await screenshot('rights-cases-repaired.png', { fullPage: true });
  });
});

describe('信用报告 and 报告核验', () => {
  it('李娜’s 信用报告 shows the signed report and 复制报告', async () => {
    const { page, screenshot } = need(li, '李娜’s browser');
    await page.goto(`${web()}/#/pages/mine/index`);
    await page.locator(visible('mine-report')).click();
    await expect(page.locator(visible('report-points')).textContent()).resolves.toBe(String(pointsBefore));
    await page.locator(visible('report-copy')).click();
    await settle(page);
    await screenshot('rights-report.png', { fullPage: true });
  });

  it('her report read from the API is 有效 at 报告核验 without signing in, and 无效 with one character changed', async () => {
    const verifier = await launchBrowser();
    try {
      const { page, screenshot } = verifier;
      const signed = await api<{ report: Record<string, unknown>; signature: string }>('GET', '/api/reports/me', undefined, await tokenOf('res-li'));
      expect(signed.status).toBe(200);
      const text = JSON.stringify(signed.body);
      await page.goto(`${web()}/${PAGES.verify}`);
      await page.locator(visible('verify-page')).waitFor({ timeout: 30_000 });
      await page.locator(`${visible('verify-input')} textarea`).fill(text);
      await page.locator(visible('verify-submit')).click();
      await expectText(page.locator(visible('verify-verdict')), '有效 ✓');
      await expect(page.locator(visible('verify-issuer')).textContent()).resolves.toBe('管城回族区社会信用体系建设中心');
      await expect(page.locator(visible('verify-key')).textContent()).resolves.toBe(String(signed.body.report.keyId));
      await settle(page);
      await screenshot('rights-verify-valid.png', { fullPage: true });

      const altered = text.replace('个人信用积分报告', '个人信用积分报吿');
      expect(altered).not.toBe(text);
      await page.locator(`${visible('verify-input')} textarea`).fill(altered);
      await page.locator(visible('verify-submit')).click();
      await expectText(page.locator(visible('verify-verdict')), '无效 ✗');
      await settle(page);
      await screenshot('rights-verify-invalid.png', { fullPage: true });
    } finally {
      await verifier.close();
    }
  });
});

describe('谁查看了我的信用, 联合惩戒, 授权管理', () => {
  it('a look-up by the credit centre appears in 李娜’s 谁查看了我的信用', async () => {
    const lookup = await api('GET', `/api/admin/residents/res-li/credit?purpose=${encodeURIComponent('核查异议处理情况')}`, undefined, await tokenOf('admin'));
    expect(lookup.status).toBe(200);
    const { page, screenshot } = need(li, '李娜’s browser');
    await page.goto(`${web()}/${PAGES.accessLog}`);
    await page.reload();
    const first = page.locator(visible('access-item')).first();
    await first.waitFor({ timeout: 30_000 });
    await expect(first.locator('[data-testid="access-role"]').textContent()).resolves.toBe('信用中心');
    await expect(first.locator('[data-testid="access-purpose"]').textContent()).resolves.toContain('核查异议处理情况');
    await settle(page);
    await screenshot('rights-access-log.png', { fullPage: true });
  });

  it('联合惩戒 says no listed measure applies to a general penalty', async () => {
    const { page, screenshot } = need(li, '李娜’s browser');
    await page.goto(`${web()}/${PAGES.measures}`);
    await expect(page.locator(visible('my-measures-none')).textContent()).resolves.toContain('目前没有对您适用的惩戒措施');
    await settle(page);
    await screenshot('rights-measures.png', { fullPage: true });
    await page.locator(visible('public-measures-link')).click();
    await page.locator(visible('measure-item')).first().waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot('rights-measures-public.png');
  });

  it('授权管理 of a demo resident shows the consent she gave when she verified', async () => {
    const { page } = need(li, '李娜’s browser');
    await page.goto(`${web()}/${PAGES.consents}`);
    await page.reload();
    await expectText(page.locator(visible('consent-state')), '授权有效');
  });

  it('授权管理: withdrawing asks first and pauses the points; granting again restores them', async () => {
    // A resident who signs up and verifies as anyone would, so the consent is on record.
    const auth = await api<{ token: string }>('POST', '/api/auth/wechat', { code: `rights${randomInt(1e9)}` });
    expect(auth.status).toBe(200);
    const first17 = `4101041990${String(randomInt(1, 13)).padStart(2, '0')}${String(randomInt(1, 29)).padStart(2, '0')}${String(randomInt(1000)).padStart(3, '0')}`;
    const consentVersion = (await api<{ version: string }>('GET', '/api/consents/sensitive-pi')).body.version;
    const verified = await api('POST', '/api/me/real-name', { name: '赵明', idNumber: first17 + idCheckChar(first17), consent: true, consentVersion }, auth.body.token);
    expect(verified.status).toBe(200);
    await expect(api('GET', '/api/points/me', undefined, auth.body.token)).resolves.toMatchObject({ status: 200, body: { points: 100 } });

    const browser = await launchBrowser();
    try {
      const { page, screenshot } = browser;
      await page.goto(`${web()}/#/pages/login/index`);
      // Taro's H5 storage keeps `{data}` under the key the app reads its session from.
      await page.evaluate(`localStorage.setItem('cx.session.token', ${JSON.stringify(JSON.stringify({ data: auth.body.token }))})`);
      await page.goto(`${web()}/${PAGES.consents}`);
      await page.reload();
      await expectText(page.locator(visible('consent-state')), '授权有效');
      await page.locator(visible('consent-withdraw')).click();
      await expectText(page.locator(visible('withdraw-dialog')), '信用积分将暂停计算和展示');
      await settle(page);
      await screenshot('rights-consent-withdraw-dialog.png');
      await page.locator(visible('withdraw-dialog-confirm')).click();
      await expectText(page.locator(visible('consent-state')), '已撤回');
      await expect(api('GET', '/api/points/me', undefined, auth.body.token)).resolves.toMatchObject({ status: 403, body: { error: { code: 'CONSENT_WITHDRAWN' } } });
      await settle(page);
      await screenshot('rights-consent-withdrawn.png', { fullPage: true });

      await page.goto(`${web()}/${PAGES.credit}`);
      await page.reload();
      await expectText(page.locator(visible('page-shell-empty')), '积分已暂停');

      await page.goto(`${web()}/${PAGES.consents}`);
      await page.reload();
      await page.locator(visible('consent-grant')).click();
      await page.locator(visible('grant-dialog-confirm')).click();
      await expectText(page.locator(visible('consent-state')), '授权有效');
      await expect(api('GET', '/api/points/me', undefined, auth.body.token)).resolves.toMatchObject({ status: 200, body: { points: 100 } });
    } finally {
      await browser.close();
    }
  });
});

describe('信用中心 console', () => {
  it('the dashboard on a 375 px phone', async () => {
    // One redemption today, so the redemptions chart has a column to draw.
    const pass = await api<{ pass: string }>('POST', '/api/incentives/museum-free-entry/passes', undefined, await tokenOf('res-zhang'));
    expect(pass.status).toBe(201);
    const redeemed = await api('POST', '/api/redemptions', { pass: pass.body.pass }, await tokenOf('mer-museum'));
    expect(redeemed.status).toBe(201);

    const { page, screenshot } = need(dept, 'the phone browser');
    await signIn(page, 'admin');
    await page.locator(visible('entry-admin')).click();
    await page.locator(visible('dashboard')).waitFor({ timeout: 30_000 });
    await page.locator(visible('dashboard-tiers')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('dashboard-computed-at')).textContent()).resolves.toMatch(/^统计时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(page.locator(`${visible('redemptions')} [data-testid^="redemptions-col-"]`).count()).resolves.toBe(14);
    await settle(page);
    await screenshot('console-dashboard-phone.png', { fullPage: true });
  });

  it('the dashboard and the management pages in a 1280×800 desktop browser', async () => {
    const desktop = await launchBrowser({ viewport: { width: 1280, height: 800 }, mobile: false });
    try {
      const { page, screenshot } = desktop;
      await signIn(page, 'admin');
      await page.goto(`${web()}/${PAGES.admin}`);
      await page.locator(visible('dashboard-tiers')).waitFor({ timeout: 30_000 });
      // Two columns: the tier chart and the redemptions side by side.
      const tiers = await page.locator(visible('dashboard-tiers')).boundingBox();
      const days = await page.locator(visible('dashboard-redemptions')).boundingBox();
      expect(tiers && days && Math.abs(tiers.y - days.y) < 2 && days.x > tiers.x + tiers.width).toBe(true);
      await settle(page);
      await screenshot('console-dashboard-desktop.png', { fullPage: true });

      await page.locator(visible('console-nav-rules')).click();
      await page.locator(visible('rules-current')).waitFor({ timeout: 30_000 });
      await page.locator(`${visible('rule-row')}[data-rule-id="P-LAW-03"] [data-testid="rule-edit"]`).click();
      await page.locator(visible('publish-form')).waitFor();
      await settle(page);
      await screenshot('console-rules-desktop.png');

      await page.locator(visible('console-nav-incentives')).click();
      await page.locator(visible('admin-incentive')).first().waitFor({ timeout: 30_000 });
      await settle(page);
      await screenshot('console-incentives-desktop.png', { fullPage: true });
      await page.locator(visible('admin-incentive')).first().click();
      await page.locator(visible('incentive-form')).waitFor({ timeout: 30_000 });
      await settle(page);
      await screenshot('console-incentive-edit-desktop.png', { fullPage: true });

      await page.goto(`${web()}/${PAGES.adminMeasures}`);
      await page.locator(visible('admin-measure')).first().waitFor({ timeout: 30_000 });
      await settle(page);
      await screenshot('console-measures-desktop.png');

      await page.locator(visible('console-nav-cases')).click();
      await page.locator(visible('department-org-dept-market')).click();
      await page.locator(visible('queue-filter-ALL')).click();
      await page.locator(visible('queue-item')).first().waitFor({ timeout: 30_000 });
      await settle(page);
      await screenshot('console-queue-desktop.png', { fullPage: true });
    } finally {
      await desktop.close();
    }
  });
});
