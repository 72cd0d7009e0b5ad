/**
 * The resident's credit screens in a real browser: 张伟 opens 我的信用 (135), the market
 * regulator reports a light administrative penalty through the API, and after a reload the page
 * shows 133 with the new event on top; its detail shows the legal basis. Then 信用规则 with a
 * search, 大字模式 on the new pages, and the 实名认证 form.
 */
import { randomUUID } from 'node:crypto';
import { demoUsers } from '../../functions/seed/demo-data';
import { fontSizeOf, launchBrowser, settle, type Browser } from './support/browser';
import { startStack, type RunningStack } from './support/stack';
import { need, visible } from './support/selectors';

jest.setTimeout(240_000);

let stack: RunningStack | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop().catch(() => undefined);
  stack?.removeData();
});

// While Taro slides a page in, the previous one is still visible: look inside 我的信用 only.
const onCredit = (testId: string) => `${visible('credit-page')} [data-testid="${testId}"]`;
const PAGES = {
  credit: '#/packages/resident/credit/index',
  rules: '#/packages/resident/rules/index',
  realName: '#/packages/resident/real-name/index',
};


async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${need(stack, 'the stack').apiUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/**
 * Every demo resident is verified: answer /api/me as for one who is not, so the form itself shows.
 * Nothing is submitted in the browser (the submission is covered by the client tests).
 */
async function openRealNameForm(page: Browser['page']): Promise<void> {
  await page.route('**/api/me', async (route) => {
    const res = await route.fetch();
    const body = (await res.json()) as { user: Record<string, unknown> };
    const { maskedIdNumber: _masked, ...user } = body.user;
    await route.fulfill({ response: res, json: { user: { ...user, realNameVerified: false } } });
  });
  await page.goto(`${need(stack, 'the stack').webUrl}/${PAGES.realName}`);
  await page.locator(visible('real-name-page')).waitFor({ timeout: 30_000 });
}

describe('我的信用: points, a new record from a department, event detail, rules, 实名认证', () => {
  it('张伟 signs in and opens 我的信用 from 首页: 135 points, five dimensions, trend and timeline', async () => {
    const { page, screenshot } = need(browser, 'the browser');
    await page.goto(`${need(stack, 'the stack').webUrl}/#/pages/login/index`);
    await page.locator(visible('login-res-zhang')).click();
    await page.locator(visible('points-detail')).click();

    await page.locator(visible('credit-page')).waitFor({ timeout: 30_000 });
    expect(page.url()).toContain(PAGES.credit);
    await expect(page.locator(onCredit('points-value')).textContent()).resolves.toBe('135');
    await expect(page.locator(onCredit('points-tier')).textContent()).resolves.toBe('优秀');
    await expect(page.locator(`${visible('dimension-chart')} [data-testid^="dimension-value-"]`).count()).resolves.toBe(5);
    // The trend and the timeline load on their own, after the points.
    await page.locator(visible('trend-chart')).waitFor();
    await expect(page.locator(`${visible('trend-chart')} .cx-trend__slot`).count()).resolves.toBe(12);
    await page.locator(visible('event-item')).first().waitFor();
    expect(await page.locator(visible('event-item')).count()).toBeGreaterThan(0);
    await settle(page);
    await screenshot('points-credit.png', { fullPage: true });
  });

  it('shows 133 and the new penalty on top after the market regulator reports it through the API', async () => {
    const { page, screenshot } = need(browser, 'the browser');
    const zhang = demoUsers.find((u) => u.id === 'res-zhang');
    if (!zhang?.idNumber) throw new Error('res-zhang has no demo ID number');

    const login = await api<{ token: string }>('POST', '/api/auth/dev-login', { userId: 'dept-market' });
    expect(login.status).toBe(200);
    const sent = await api<{ accepted: number; rejected: unknown[] }>(
      'POST',
      '/api/credit-records',
      {
        records: [
          {
            sourceId: `E2E-${randomUUID()}`,
            subjectType: 'person',
            subjectId: zhang.idNumber,
            ruleId: 'P-LAW-02',
            occurredAt: new Date().toISOString(),
            severity: 'light',
          },
        ],
      },
      login.body.token,
    );
    expect(sent).toMatchObject({ status: 200, body: { accepted: 1, rejected: [] } });

    await page.reload();
    const value = page.locator(onCredit('points-value'));
    await value.waitFor({ timeout: 30_000 });
    await expect(value.textContent()).resolves.toBe('133');
    const first = page.locator(visible('event-item')).first();
    await first.waitFor();
    await expect(first.locator('[data-testid="event-title"]').textContent()).resolves.toBe('行政处罚（轻微）');
    await expect(first.locator('[data-testid="event-points"]').textContent()).resolves.toBe('\u22122');
    await expect(first.locator('[data-testid="event-status"]').textContent()).resolves.toBe('生效中');
    await expect(page.locator(visible('dimension-value-law')).textContent()).resolves.toBe('\u22122');
    await settle(page);
    await screenshot('points-credit-after-penalty.png');
  });

  it('opens the new event: rule, legal basis, department, counting period and free repair', async () => {
    const { page, screenshot } = need(browser, 'the browser');
    await page.locator(visible('event-item')).first().click();
    const basis = page.locator(visible('event-legal-basis'));
    await basis.waitFor({ timeout: 30_000 });
    await expect(basis.textContent()).resolves.toBe('《中华人民共和国行政处罚法》第三十三条');
    await expect(page.locator(visible('event-department')).textContent()).resolves.toBe('管城回族区市场监督管理局');
    await expect(page.locator(visible('event-detail')).textContent()).resolves.toContain('行政处罚（轻微）（P-LAW-02）');
    await expect(page.locator(visible('event-counts-until')).textContent()).resolves.toMatch(/^\d{4}-\d{2}-\d{2} 后不再计分$/);
    // A light penalty has no minimum publication period: repair may be applied for at once (free).
    await expect(page.locator(visible('event-repair')).textContent()).resolves.toMatch(/自 \d{4}-\d{2}-\d{2} 起可申请信用修复.*信用修复免费，无需任何中介/);
    await settle(page);
    await screenshot('points-event-detail.png', { fullPage: true });
  });

  it('信用规则 from 我的信用: searching narrows the catalogue', async () => {
    const { page, screenshot } = need(browser, 'the browser');
    await page.goBack();
    await page.locator(visible('credit-rules-entry')).click();
    await page.locator(visible('rules-page')).waitFor({ timeout: 30_000 });
    const all = await page.locator(visible('rule-item')).count();
    expect(all).toBeGreaterThan(20);

    await page.locator(`${visible('rules-search')} input`).fill('行政处罚法');
    await expect(page.locator(visible('rules-count')).textContent()).resolves.toMatch(/^找到 \d+ 条规则/);
    const found = await page.locator(visible('rule-item')).count();
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(all);
    await page.locator(visible('kind-negative')).click();
    await page.locator(visible('subject-person')).click();
    const ids = await page.locator(visible('rule-item')).evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')));
    expect(ids).toEqual(['P-LAW-02', 'P-LAW-03', 'P-LAW-04']);
    await settle(page);
    await screenshot('points-rules-search.png', { fullPage: true });
  });

  it('实名认证 checks the ID number as typed and shows the consent text (form shown as for an unverified resident)', async () => {
    const { page, screenshot } = need(browser, 'the browser');
    await openRealNameForm(page);
    await page.locator(`${visible('realname-name')} input`).fill('王芳');
    await page.locator(`${visible('realname-id')} input`).fill('41010419900307');
    await expect(page.locator(visible('realname-id-hint')).textContent()).resolves.toBe('还需输入 4 位');
    await page.locator(`${visible('realname-id')} input`).fill('410104199003071230');
    await expect(page.locator(visible('realname-id-hint')).textContent()).resolves.toBe('身份证号码校验位不正确，请核对');
    await settle(page);
    await screenshot('points-real-name.png', { fullPage: true });

    await page.locator(visible('realname-consent-open')).click();
    await expect(page.locator(visible('consent-doc')).textContent()).resolves.toContain('个人敏感信息处理授权书');
    // The server's text (GET /api/consents/sensitive-pi), which tells about the verification service.
    await expect(page.locator(visible('consent-doc')).textContent()).resolves.toContain('身份核验服务');
    await screenshot('points-real-name-consent.png');
    await page.unroute('**/api/me');
  });

  it('大字模式 enlarges the text of the new pages', async () => {
    const { page, screenshot } = need(browser, 'the browser');
    const web = need(stack, 'the stack').webUrl;
    await page.goto(`${web}/${PAGES.credit}`);
    await page.locator(visible('credit-page')).waitFor({ timeout: 30_000 });
    const eventTitle = `${visible('event-item')} [data-testid="event-title"]`;
    const before = { number: await fontSizeOf(page, onCredit('points-value')), title: await fontSizeOf(page, eventTitle) };

    await page.goto(`${web}/#/pages/mine/index`);
    await page.locator(visible('large-font-switch')).click();
    await page.locator('[data-testid="page-root"].cx-page--large:visible').first().waitFor();
    await page.locator(visible('mine-credit')).click();
    await page.locator(visible('credit-page')).waitFor({ timeout: 30_000 });
    expect(await fontSizeOf(page, onCredit('points-value'))).toBeGreaterThan(before.number);
    expect(await fontSizeOf(page, eventTitle)).toBeGreaterThan(before.title);
    await settle(page);
    await screenshot('points-credit-large-font.png', { fullPage: true });

    await page.locator(visible('event-item')).first().click();
    await page.locator(visible('event-detail')).waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot('points-event-detail-large-font.png', { fullPage: true });

    await page.goto(`${web}/${PAGES.rules}`);
    await page.locator(visible('rules-page')).waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot('points-rules-large-font.png');

    await openRealNameForm(page);
    await page.locator(`${visible('realname-id')} input`).fill('4101041990');
    await settle(page);
    await screenshot('points-real-name-large-font.png', { fullPage: true });
    await page.unroute('**/api/me');
  });
});
