/**
 * Organisations and staff in a real browser, two phones side by side. The credit centre (admin)
 * opens 机构与人员, is refused a mistyped unified social credit code as it is typed, creates a
 * merchant with a valid one, and invites its first staff member (a manager) in 员工管理: the code
 * shows as text and as a QR image of exactly that code. 李娜 (res-li, a resident who is nobody's
 * staff) enters the code in 我的 → 加入机构 and lands in the merchant area under 「代表：<the new
 * merchant>」; 我的 → 切换身份 takes her back to 居民 and 首页 shows her points. The centre suspends
 * the merchant: after a reload her merchant screen says 已暂停 with the reason. The centre resumes
 * it and removes her in 员工管理: her next 核验 is refused by the server (403) and the app says so;
 * reloaded, the merchant area is closed to her and 我的 shows a resident again.
 * Also: the museum's manager (mer-museum) has 我的 → 员工管理 for the museum; the library's
 * non-manager (mer-library) has no such entry and is refused on the page itself.
 */
import { randomInt } from 'node:crypto';
import type { Locator, Page, Response } from 'playwright-core';
import { USCC_CHARSET, usccCheckChar } from '../../functions/shared/domain/identifiers';
import { qrDataUrl } from '../../client/src/packages/resident/incentive/qr';
import { launchBrowser, settle, tab, type Browser } from './support/browser';
import { startStack, type RunningStack } from './support/stack';
import { need, visible } from './support/selectors';

jest.setTimeout(240_000);

let stack: RunningStack | undefined;
let admin: Browser | undefined;
let member: Browser | undefined;

beforeAll(async () => {
  stack = await startStack();
  admin = await launchBrowser();
  member = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await admin?.close();
  await member?.close();
  await stack?.stop().catch(() => undefined);
  stack?.removeData();
});

const web = () => need(stack, 'the stack').webUrl;

const ORG_NAME = '管城回族区诚信书店';
const MEMBER_NAME = '李娜';
const SUSPENSION_REASON = '经核查存在违规核销行为，整改期间暂停';

/** A fresh, valid code of a business registered in 管城回族区 (9 工商 · 1 企业 · 410104). */
function newUscc(): string {
  let body = '91410104';
  while (body.length < 17) body += USCC_CHARSET[randomInt(USCC_CHARSET.length)];
  return body + usccCheckChar(body);
}
const USCC = newUscc();
/** The same code with a wrong check character. */
const WRONG_CHECK = USCC.slice(0, 17) + (USCC[17] === '0' ? '1' : '0');

/** Filled in as the journey goes. */
let orgId = '';
let invitationCode = '';

async function api<T>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${need(stack, 'the stack').apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** The session token the app in this browser holds (Taro's H5 storage keeps `{data}`). */
async function tokenIn(page: Page): Promise<string> {
  const raw = await page.evaluate<string | null>(`localStorage.getItem('cx.session.token')`);
  return (JSON.parse(need(raw ?? undefined, 'a stored session')) as { data: string }).data;
}

/** Waits until the element says `text` (a locator's textContent() does not wait for a change). */
async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
  await expect(locator.first().textContent()).resolves.toContain(text);
}

async function signIn(page: Page, userId: string): Promise<void> {
  await page.goto(`${web()}/#/pages/login/index`);
  await page.locator(visible(`login-${userId}`)).click();
  await page.locator(visible('home')).waitFor({ timeout: 30_000 });
}

/** The card of the new organisation in 机构与人员. */
const orgCard = (page: Page) => page.locator(visible('org-item')).filter({ hasText: ORG_NAME });

/** A redemption answered while `action` runs. */
function redemptionAnswer(page: Page): Promise<Response> {
  return page.waitForResponse((r) => r.url().endsWith('/api/redemptions') && r.request().method() === 'POST', { timeout: 30_000 });
}

/** On 核验: types a pass and submits it; resolves with the server's answer. */
async function submitPass(page: Page, pass: string): Promise<Response> {
  await page.locator(`${visible('verify-input')} input`).fill(pass);
  const answer = redemptionAnswer(page);
  await page.locator(visible('verify-submit')).click();
  return answer;
}

/** Well-formed (32 characters) but never issued. */
const UNKNOWN_PASS = 'Q'.repeat(32);

describe('机构与人员: the credit centre creates a merchant and invites its manager', () => {
  it('opens 机构与人员 from the console and lists the organisations with their status', async () => {
    const { page, screenshot } = need(admin, 'the centre’s browser');
    await signIn(page, 'admin');
    await page.locator(visible('entry-admin')).click();
    await page.locator(visible('entry-orgs')).click();
    await page.locator(visible('orgs')).waitFor({ timeout: 30_000 });
    await expectText(page.locator(visible('console-title')), '机构与人员');
    const museum = page.locator(visible('org-item')).filter({ hasText: '管城回族区博物馆' });
    await expect(museum.locator('[data-testid="org-status"]').textContent()).resolves.toBe('正常');
    // Only merchants: the museum stays, the market regulator (a department) goes.
    await page.locator(visible('orgs-type-merchant')).click();
    await page.locator(visible('org-item')).filter({ hasText: '管城回族区市场监督管理局' }).waitFor({ state: 'detached', timeout: 30_000 });
    await museum.waitFor({ timeout: 30_000 });
    await page.locator(visible('orgs-type-all')).click();
    await page.locator(visible('org-item')).filter({ hasText: '管城回族区市场监督管理局' }).waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot('orgs-list.png');
  });

  it('新建机构 refuses a mistyped code as it is typed and on 建立机构, without asking the server', async () => {
    const { page, screenshot } = need(admin, 'the centre’s browser');
    const creates: string[] = [];
    const onRequest = (r: { url(): string; method(): string }) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/orgs')) creates.push(r.url());
    };
    page.on('request', onRequest);
    try {
      await page.locator(visible('org-new')).click();
      await page.locator(visible('org-form')).waitFor({ timeout: 30_000 });
      await expectText(page.locator(visible('console-title')), '新建机构');
      await page.locator(visible('org-type-merchant')).click();
      await page.locator(`${visible('org-name')} input`).fill(ORG_NAME);

      const uscc = page.locator(`${visible('org-uscc')} input`);
      await uscc.fill(USCC.slice(0, 10));
      await expectText(page.locator(visible('org-uscc-hint')), '还需输入 8 位');
      await uscc.fill(`${USCC.slice(0, 10)}O`);
      await expectText(page.locator(visible('org-uscc-hint')), '不使用字母 I、O、S、V、Z');
      // Lower case and spaces, as codes get copied from licences: raised and dropped.
      await uscc.fill(`${WRONG_CHECK.slice(0, 9)} ${WRONG_CHECK.slice(9).toLowerCase()}`);
      await expect(uscc.inputValue()).resolves.toBe(WRONG_CHECK);
      await expectText(page.locator(visible('org-uscc-hint')), '统一社会信用代码校验位不正确，请核对');
      await page.locator(visible('org-save')).click();
      await expectText(page.locator(visible('org-uscc-error')), '统一社会信用代码校验位不正确，请核对');
      await expectText(page.locator(visible('org-form-error')), '请先修改标红的项目');
      await settle(page);
      await screenshot('orgs-create-invalid.png', { fullPage: true });
      expect(creates).toEqual([]);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('建立机构 with a valid code leads straight to the new merchant’s 员工管理', async () => {
    const { page, screenshot } = need(admin, 'the centre’s browser');
    await page.locator(`${visible('org-uscc')} input`).fill(USCC);
    await expectText(page.locator(visible('org-uscc-hint')), '代码校验通过');
    await settle(page);
    await screenshot('orgs-create-valid.png', { fullPage: true });

    const created = page.waitForResponse((r) => r.url().endsWith('/api/orgs') && r.request().method() === 'POST');
    await page.locator(visible('org-save')).click();
    const answer = await created;
    expect(answer.status()).toBe(201);
    orgId = ((await answer.json()) as { id: string }).id;
    expect(orgId).toMatch(/\S/);

    await page.locator(visible('staff-page')).waitFor({ timeout: 30_000 });
    expect(decodeURIComponent(page.url())).toContain(`orgId=${orgId}`);
    const header = page.locator(visible('staff-org'));
    await expectText(header, ORG_NAME);
    await expect(header.textContent()).resolves.toContain(USCC);
    await expect(header.textContent()).resolves.toContain('正常');
    await expectText(page.locator(visible('staff-list')), '还没有工作人员');
    await expectText(page.locator(visible('invitation-list')), '还没有发出邀请');

    // The server holds it as created: a merchant, active, with this code.
    const token = await tokenIn(page);
    await expect(api('GET', `/api/orgs/${orgId}`, undefined, token)).resolves.toMatchObject({
      status: 200,
      body: { id: orgId, type: 'merchant', name: ORG_NAME, uscc: USCC, status: 'active' },
    });
  });

  it('邀请员工: a name and 设为管理员 give a one-time code, shown as text and as a QR image of that code', async () => {
    const { page, screenshot } = need(admin, 'the centre’s browser');
    await page.locator(visible('staff-invite')).click();
    await page.locator(visible('invite-sheet')).waitFor();
    await expect(page.locator(visible('invite-role')).textContent()).resolves.toBe('商户工作人员');
    // Without a name nothing is sent.
    await page.locator(visible('invite-submit')).click();
    await expectText(page.locator(visible('invite-name-error')), '请输入对方的姓名');
    await page.locator(`${visible('invite-name')} input`).fill(MEMBER_NAME);
    await page.locator(visible('invite-manager')).click();
    await settle(page);
    await screenshot('orgs-invite-form.png');

    const issued = page.waitForResponse((r) => r.url().endsWith(`/api/orgs/${orgId}/invitations`) && r.request().method() === 'POST');
    await page.locator(visible('invite-submit')).click();
    const sent = await issued;
    expect(sent.status()).toBe(201);
    expect(sent.request().postDataJSON()).toEqual({ role: 'merchant', name: MEMBER_NAME, manager: true });

    const code = page.locator(visible('invite-code'));
    await code.waitFor({ timeout: 30_000 });
    invitationCode = ((await code.textContent()) ?? '').trim();
    expect(invitationCode).toMatch(/^[0-9A-Z]{1,16}$/);
    expect(invitationCode).toBe(((await sent.json()) as { code: string }).code);
    await expectText(page.locator(visible('invite-result')), `交给${MEMBER_NAME}`);
    await expect(page.locator(visible('invite-expiry')).textContent()).resolves.toMatch(/^有效期至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（72 小时内有效，只能使用一次）$/);

    // The QR image is drawn, and it encodes exactly the code (the same drawing of the same text).
    const qr = page.locator(`${visible('invite-qr')} img`);
    await qr.waitFor({ timeout: 30_000 });
    await expect(qr.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth > 0)).resolves.toBe(true);
    await expect(qr.getAttribute('src')).resolves.toBe(qrDataUrl(invitationCode));
    const box = need((await qr.boundingBox()) ?? undefined, 'the QR image’s box');
    expect(box.width).toBeGreaterThanOrEqual(150);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    await settle(page);
    await screenshot('orgs-invite-code.png');

    await page.locator(visible('invite-done')).click();
    await page.locator(visible('invite-sheet')).waitFor({ state: 'detached' });
    const invitation = page.locator(visible('invitation-item')).filter({ hasText: MEMBER_NAME });
    await expectText(invitation.locator('[data-testid="invitation-status"]'), '待使用');
    // The code is never shown again.
    await expect(page.locator(visible('invitation-list')).textContent()).resolves.not.toContain(invitationCode);
  });
});

describe('加入机构 and 切换身份: 李娜 joins the merchant with the code', () => {
  it('我的 → 加入机构: a wrong code is explained, the right one (typed in lower case) lands her in the merchant area', async () => {
    const { page, screenshot } = need(member, '李娜’s browser');
    await signIn(page, 'res-li');
    await tab(page, '我的').click();
    await page.locator(visible('mine')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('mine-switch-role')).count()).resolves.toBe(0);
    await page.locator(visible('mine-join-org')).click();
    const input = page.locator(`${visible('join-code')} input`);
    await input.waitFor({ timeout: 30_000 });

    const wrong = invitationCode.endsWith('2') ? `${invitationCode.slice(0, -1)}3` : `${invitationCode.slice(0, -1)}2`;
    await input.fill(wrong);
    await page.locator(visible('join-submit')).click();
    await expectText(page.locator(visible('join-error')), '没有找到这个邀请码');

    await input.fill(invitationCode.toLowerCase());
    await expect(input.inputValue()).resolves.toBe(invitationCode);
    await settle(page);
    await screenshot('orgs-join.png');
    await page.locator(visible('join-submit')).click();

    await page.locator(visible('merchant-home')).waitFor({ timeout: 30_000 });
    expect(page.url()).toContain('#/packages/merchant/index/index');
    await expect(page.locator(visible('org-badge-name')).textContent()).resolves.toBe(`代表：${ORG_NAME}`);
    await expect(page.locator(visible('org-badge-suspended')).count()).resolves.toBe(0);
    await expect(page.locator(visible('merchant-org')).textContent()).resolves.toBe(ORG_NAME);
    await settle(page);
    await screenshot('orgs-member-merchant.png');

    // The app now holds a session with the merchant role for this organisation.
    await expect(api('GET', '/api/me', undefined, await tokenIn(page))).resolves.toMatchObject({
      status: 200,
      body: { user: { id: 'res-li', roles: expect.arrayContaining(['resident', 'merchant']), orgId, manager: true } },
    });
  });

  it('the invitation shows 已使用 and 李娜 is in the staff list as 管理员', async () => {
    const { page, screenshot } = need(admin, 'the centre’s browser');
    await page.reload();
    const row = page.locator(visible('staff-item')).filter({ hasText: MEMBER_NAME });
    await row.waitFor({ timeout: 30_000 });
    await expect(row.locator('[data-testid="staff-manager"]').textContent()).resolves.toBe('管理员');
    await expect(row.textContent()).resolves.toContain('商户工作人员');
    const invitation = page.locator(visible('invitation-item')).filter({ hasText: MEMBER_NAME });
    await expectText(invitation.locator('[data-testid="invitation-status"]'), '已使用');
    await expect(invitation.locator('[data-testid="invitation-revoke"]').count()).resolves.toBe(0);
    await settle(page);
    await screenshot('orgs-staff-list.png', { fullPage: true });
  });

  it('我的 shows her as 商户 of the merchant; 切换身份 → 居民 brings back the resident’s 首页', async () => {
    const { page, screenshot } = need(member, '李娜’s browser');
    // The merchant area was opened with reLaunch: in a browser, Back leads out of it.
    await page.goBack();
    await page.locator(visible('mine')).waitFor({ timeout: 30_000 });
    await expectText(page.locator(visible('mine-acting-role')), '当前身份：商户');
    await expect(page.locator(visible('mine-org')).textContent()).resolves.toBe(ORG_NAME);
    await expect(page.locator(visible('mine-join-org')).count()).resolves.toBe(0);
    // She joined as a manager: her own 员工管理.
    await expect(page.locator(visible('mine-staff')).count()).resolves.toBe(1);

    await page.locator(visible('mine-switch-role')).click();
    await page.locator(visible('role-sheet')).waitFor();
    await expect(page.locator(visible('role-option-merchant')).getAttribute('aria-checked')).resolves.toBe('true');
    await settle(page);
    await screenshot('orgs-role-sheet.png');
    await page.locator(visible('role-option-resident')).click();

    const home = page.locator(visible('home'));
    await home.waitFor({ timeout: 30_000 });
    await expectText(home.locator('.cx-home__role'), '居民');
    await page.locator(visible('points-value')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('points-value')).textContent()).resolves.toMatch(/^\d+$/);
    await expect(page.locator(visible('show-pass')).count()).resolves.toBe(1);
    await expect(page.locator(visible('entry-scan')).count()).resolves.toBe(0);
    await settle(page);
    await screenshot('orgs-member-resident-home.png');

    // The choice holds across a reload.
    await page.reload();
    await page.locator(visible('points-value')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('entry-scan')).count()).resolves.toBe(0);
  });

  it('切换身份 → 商户 again opens the merchant area from 首页', async () => {
    const { page } = need(member, '李娜’s browser');
    await tab(page, '我的').click();
    await expectText(page.locator(visible('mine-acting-role')), '当前身份：居民');
    await page.locator(visible('mine-switch-role')).click();
    await page.locator(visible('role-option-merchant')).click();
    await page.locator(visible('entry-merchant')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('points-value')).count()).resolves.toBe(0);
    await page.locator(visible('entry-merchant')).click();
    await page.locator(visible('merchant-home')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('org-badge-name')).textContent()).resolves.toBe(`代表：${ORG_NAME}`);
  });
});

describe('暂停 and 移除', () => {
  it('the centre suspends the merchant with a reason: 已暂停 in 机构与人员', async () => {
    const { page, screenshot } = need(admin, 'the centre’s browser');
    // Back from 员工管理 to the list. (The console's 机构与人员 tab is highlighted on 员工管理 but
    // does nothing there: ConsoleNav gives the current section no link, even on its sub-pages.)
    await page.goBack();
    await page.locator(visible('orgs')).waitFor({ timeout: 30_000 });
    await page.locator(visible('orgs-type-merchant')).click();
    const card = orgCard(page);
    await card.waitFor({ timeout: 30_000 });
    await expect(card.locator('[data-testid="org-status"]').textContent()).resolves.toBe('正常');
    await card.locator('[data-testid="org-suspend"]').click();
    const dialog = page.locator(visible('org-suspend-dialog'));
    await expectText(dialog, '暂停后，该商户不能再核销信易+ 凭证。');
    // A reason is required.
    await page.locator(visible('org-suspend-dialog-confirm')).click();
    await expectText(page.locator(visible('org-suspend-dialog-error')), '请填写暂停原因');
    await page.locator(`${visible('org-suspend-dialog-input')} textarea`).fill(SUSPENSION_REASON);
    await settle(page);
    await screenshot('orgs-suspend-dialog.png');
    await page.locator(visible('org-suspend-dialog-confirm')).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await expectText(card.locator('[data-testid="org-status"]'), '已暂停');
    await expect(card.locator('[data-testid="org-reason"]').textContent()).resolves.toBe(`暂停原因：${SUSPENSION_REASON}`);

    // Still so from the server, under the 已暂停 filter.
    await page.reload();
    await page.locator(visible('orgs-status-suspended')).click();
    await expectText(orgCard(page).locator('[data-testid="org-status"]'), '已暂停');
    await settle(page);
    await screenshot('orgs-list-suspended.png');
  });

  it('李娜’s merchant screen says 已暂停 with the reason after a reload', async () => {
    const { page, screenshot } = need(member, '李娜’s browser');
    await page.reload();
    await page.locator(visible('merchant-home')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('org-badge-name')).textContent()).resolves.toBe(`代表：${ORG_NAME}`);
    await expect(page.locator(visible('org-badge-suspended')).textContent()).resolves.toBe('已暂停');
    await expect(page.locator(visible('org-badge-notice')).textContent()).resolves.toContain(`（原因：${SUSPENSION_REASON}）`);
    await settle(page);
    await screenshot('orgs-member-suspended.png');

    await page.goto(`${web()}/#/pages/mine/index`);
    await expectText(page.locator(visible('mine-org-suspended')), '已暂停');
  });

  it('the centre resumes it; 李娜 can use 核验 again (an unknown pass is judged on its merits)', async () => {
    const admins = need(admin, 'the centre’s browser').page;
    const card = orgCard(admins);
    await admins.locator(visible('orgs-status-all')).click();
    await card.locator('[data-testid="org-resume"]').click();
    await admins.locator(visible('org-resume-dialog-confirm')).click();
    await expectText(card.locator('[data-testid="org-status"]'), '正常');

    const { page } = need(member, '李娜’s browser');
    await page.goto(`${web()}/#/packages/merchant/index/index`);
    await page.reload();
    await page.locator(visible('merchant-home')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('org-badge-suspended')).count()).resolves.toBe(0);
    await page.locator(visible('merchant-scan')).click();
    await page.locator(visible('verify-page')).waitFor({ timeout: 30_000 });
    const answer = await submitPass(page, UNKNOWN_PASS);
    expect(answer.status()).toBe(400);
    const result = page.locator(visible('verify-result'));
    await expect(result.getAttribute('data-code')).resolves.toBe('PASS_INVALID');
    await page.locator(visible('verify-next')).click();
    await page.locator(`${visible('verify-input')} input`).waitFor();
  });

  it('the centre removes 李娜 in 员工管理 (asked first); she is gone from the list', async () => {
    const { page, screenshot } = need(admin, 'the centre’s browser');
    await orgCard(page).locator('[data-testid="org-staff"]').click();
    await page.locator(visible('staff-page')).waitFor({ timeout: 30_000 });
    const row = page.locator(visible('staff-item')).filter({ hasText: MEMBER_NAME });
    await row.locator('[data-testid="staff-remove"]').click();
    await expectText(page.locator(visible('staff-remove-dialog')), `不能再代表${ORG_NAME}办理业务`);
    await settle(page);
    await screenshot('orgs-staff-remove-dialog.png');
    const removed = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().endsWith(`/api/orgs/${orgId}/staff/res-li`));
    await page.locator(visible('staff-remove-dialog-confirm')).click();
    expect((await removed).status()).toBe(204);
    await row.waitFor({ state: 'detached', timeout: 30_000 });
    await page.reload();
    await expectText(page.locator(visible('staff-list')), '还没有工作人员');
  });

  it('李娜’s next 核验 is refused (403) and the app says so; reloaded, the merchant area is closed to her', async () => {
    const { page, screenshot } = need(member, '李娜’s browser');
    // Her 核验 page was open before the removal: the server decides, not the screen.
    const answer = await submitPass(page, UNKNOWN_PASS);
    expect(answer.status()).toBe(403);
    const result = page.locator(visible('verify-result'));
    await expect(result.getAttribute('data-result')).resolves.toBe('refused');
    await expect(result.getAttribute('data-code')).resolves.toBe('FORBIDDEN');
    await expect(page.locator(visible('result-reason')).textContent()).resolves.toBe('当前账号的角色无权访问此功能');
    await expect(result.textContent()).resolves.toContain('未登记核销，请勿提供优惠');
    await settle(page);
    await screenshot('orgs-member-removed-refused.png');

    // The same session, asked directly: no merchant role, no organisation.
    const token = await tokenIn(page);
    const me = await api<{ user: { roles: string[]; orgId?: string } }>('GET', '/api/me', undefined, token);
    expect(me.status).toBe(200);
    expect(me.body.user.roles).toEqual(['resident']);
    expect(me.body.user.orgId).toBeUndefined();
    await expect(api('POST', '/api/redemptions', { pass: UNKNOWN_PASS }, token)).resolves.toMatchObject({ status: 403 });
    // No longer a manager of it: refused (404 hides whether the organisation exists).
    expect([403, 404]).toContain((await api('GET', `/api/orgs/${orgId}/staff`, undefined, token)).status);

    await page.reload();
    await expectText(page.locator(visible('page-shell-empty')), '无权访问');
    await expect(page.locator(visible('verify-page')).count()).resolves.toBe(0);
    await settle(page);
    await screenshot('orgs-member-removed.png');

    await page.goto(`${web()}/#/pages/mine/index`);
    await page.reload();
    await page.locator(visible('mine')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('mine-switch-role')).count()).resolves.toBe(0);
    await expect(page.locator(visible('mine-org')).count()).resolves.toBe(0);
    await expect(page.locator(visible('mine-join-org')).count()).resolves.toBe(1);
  });
});

describe('我的 → 员工管理 is for managers only', () => {
  it('the museum’s manager (mer-museum) manages the museum’s staff from 我的', async () => {
    const browser = await launchBrowser();
    try {
      const { page, screenshot } = browser;
      await signIn(page, 'mer-museum');
      await tab(page, '我的').click();
      await page.locator(visible('mine-staff')).click();
      await page.locator(visible('staff-page')).waitFor({ timeout: 30_000 });
      await expectText(page.locator(visible('staff-org')), '管城回族区博物馆');
      await expect(page.locator(visible('org-badge-name')).textContent()).resolves.toBe('代表：管城回族区博物馆');
      const self = page.locator(visible('staff-item')).filter({ hasText: '本人' });
      await self.waitFor({ timeout: 30_000 });
      await expect(self.locator('[data-testid="staff-name"]').textContent()).resolves.toBe('赵敏');
      // Nobody removes themselves.
      await expect(self.locator('[data-testid="staff-remove"]').count()).resolves.toBe(0);
      await expect(page.locator(visible('staff-invite')).count()).resolves.toBe(1);
      // A manager sees no centre navigation.
      await expect(page.locator(visible('console-nav')).count()).resolves.toBe(0);
      await settle(page);
      await screenshot('orgs-museum-staff.png', { fullPage: true });
    } finally {
      await browser.close();
    }
  });

  it('the library’s non-manager (mer-library) has no 员工管理, and the page refuses her', async () => {
    const browser = await launchBrowser();
    try {
      const { page } = browser;
      await signIn(page, 'mer-library');
      await tab(page, '我的').click();
      await page.locator(visible('mine-merchant')).waitFor({ timeout: 30_000 });
      await expect(page.locator(visible('mine-staff')).count()).resolves.toBe(0);
      await page.goto(`${web()}/#/packages/org/staff/index`);
      await expectText(page.locator(visible('staff-denied')), '无权管理员工');
      await expect(page.locator(visible('staff-list')).count()).resolves.toBe(0);
      const token = await tokenIn(page);
      // Refused by the server too (404 hides whether the organisation exists).
      expect([403, 404]).toContain((await api('GET', '/api/orgs/org-library/staff', undefined, token)).status);
    } finally {
      await browser.close();
    }
  });
});
