/**
 * 首页 for everyone, no forced sign-in: a first visit lands on 首页 (what 诚信管城 offers, quick
 * entries, 信用动态 from the credit centre); 信易+ and a scenario are readable signed out; 出示凭证
 * asks to sign in and, signed in, brings 张伟 back to the same scenario where the pass now shows.
 * Signed in, 首页 has his points above the same public parts. 大字模式 is switched on from the
 * sign-in page without signing in. The credit centre publishes a notice in 信用动态管理 and a
 * signed-out visitor sees it first on 首页. Screenshots at 375 px.
 */
import type { Page } from 'playwright-core';
import { fontSizeOf, launchBrowser, settle, tab, type Browser } from './support/browser';
import { startStack, type RunningStack } from './support/stack';
import { need, visible } from './support/selectors';

jest.setTimeout(240_000);

let stack: RunningStack | undefined;
let visitor: Browser | undefined;
/** The intro text's size on the signed-out 首页 in normal type. */
let signedOutTextSize = 0;

beforeAll(async () => {
  stack = await startStack();
  visitor = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await visitor?.close();
  await stack?.stop().catch(() => undefined);
  stack?.removeData();
});

const web = () => need(stack, 'the stack').webUrl;
const museum = `${visible('incentive-card')}[data-incentive-id="museum-free-entry"]`;

/** The signed-in marker in the app's storage (the session token). */
async function tokenKeys(page: Page): Promise<string[]> {
  const { origins } = await page.context().storageState();
  return origins.flatMap((o) => o.localStorage.map((item) => item.name)).filter((k) => k.includes('token'));
}

describe('首页 for everyone and sign-in at the action', () => {
  it('a first visit stays on 首页: intro, quick entries and 信用动态, no sign-in asked', async () => {
    const { page, screenshot } = need(visitor, 'the visitor browser');
    await page.goto(`${web()}/`);
    await page.locator(visible('home-welcome')).waitFor({ timeout: 30_000 });
    expect(page.url()).not.toContain('pages/login');
    await expect(page.locator(visible('home-welcome')).textContent()).resolves.toContain('管城回族区公共信用服务');
    const entries = await page.locator(`${visible('quick-entries')} .cx-quick__label`).allTextContents();
    expect(entries).toEqual(expect.arrayContaining(['查信用', '信易+', '信易贷', '信用修复', '报告核验']));
    // The seeded notices, newest first.
    await page.locator(visible('notice-title')).first().waitFor({ timeout: 30_000 });
    const titles = await page.locator(visible('notice-title')).allTextContents();
    expect(titles[0]).toBe('信易游新增区博物馆免费入馆场景');
    expect(titles).toHaveLength(3);
    expect(await tokenKeys(page)).toEqual([]);
    signedOutTextSize = await fontSizeOf(page, '[data-testid="home-welcome"]:visible .cx-welcome__text');
    await settle(page);
    await screenshot('home-signed-out.png', { fullPage: true });
  });

  it('opens a notice in full on tap', async () => {
    const { page } = need(visitor, 'the visitor browser');
    const first = page.locator(visible('notice')).first();
    await first.locator('[data-testid="notice-toggle"]').click();
    await expect(first.locator('[data-testid="notice-toggle"]').getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(first.locator('[data-testid="notice-body"]').textContent()).resolves.toContain('每人每天 1 次');
  });

  it('reads 信易+ and the museum scenario signed out: conditions without a verdict', async () => {
    const { page, screenshot } = need(visitor, 'the visitor browser');
    await tab(page, '信易+').click();
    await page.locator(museum).waitFor({ timeout: 30_000 });
    await expect(page.locator(`${museum} [data-testid="incentive-status"]`).count()).resolves.toBe(0);
    await page.locator(museum).click();
    await page.locator(visible('scenario-conditions')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('scenario-conditions')).textContent()).resolves.toContain('信用积分达到 100 分及以上');
    await expect(page.locator(visible('scenario-status')).count()).resolves.toBe(0);
    await expect(page.locator(visible('show-pass-login')).textContent()).resolves.toBe('登录后出示凭证');
    await settle(page);
    await screenshot('home-scenario-signed-out.png');
  });

  it('出示凭证 asks to sign in, and after signing in 张伟 is back on the scenario with his pass', async () => {
    const { page, screenshot } = need(visitor, 'the visitor browser');
    await page.locator(visible('show-pass-login')).click();
    await page.locator(visible('login-res-zhang')).waitFor({ timeout: 30_000 });
    await page.locator(visible('login-res-zhang')).click();

    // Back on the same scenario, now with 张伟's standing and a working 出示凭证.
    const show = page.locator(visible('show-pass'));
    await show.waitFor({ timeout: 30_000 });
    expect(page.url()).toContain('packages/resident/incentive/index');
    expect(page.url()).toContain('museum-free-entry');
    await expect(page.locator(visible('scenario-title')).textContent()).resolves.toBe('博物馆免费参观');
    await expect(page.locator(visible('scenario-status')).textContent()).resolves.toContain('可享受');
    await show.click();
    await page.locator(visible('pass-qr')).waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot('home-return-to-pass.png');
    await page.locator(visible('pass-close')).click();
  });

  it('首页 signed in: 张伟’s points above the quick entries and 信用动态', async () => {
    const { page, screenshot } = need(visitor, 'the visitor browser');
    await page.goto(`${web()}/#/pages/index/index`);
    await page.reload();
    const value = page.locator(visible('points-value'));
    await value.waitFor({ timeout: 30_000 });
    await expect(value.textContent()).resolves.toBe('135');
    await expect(page.locator(visible('home-greeting')).textContent()).resolves.toContain('张伟');
    await expect(page.locator(visible('home-welcome')).count()).resolves.toBe(0);
    await expect(page.locator(visible('home-signin')).count()).resolves.toBe(0);
    await page.locator(visible('quick-entries')).waitFor();
    await page.locator(visible('notice-title')).first().waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot('home-signed-in.png', { fullPage: true });

    // 查信用 opens 我的信用 at once when signed in.
    await page.locator(visible('quick-credit')).click();
    await page.locator(visible('credit-page')).waitFor({ timeout: 30_000 });
  });
});

describe('大字模式 without signing in, and 信用动态 from the console', () => {
  let fresh: Browser | undefined;
  afterAll(async () => {
    await fresh?.close();
  });

  it('switches on 大字模式 from the sign-in page; the signed-out 首页 follows', async () => {
    fresh = await launchBrowser();
    const { page, screenshot } = fresh;
    await page.goto(`${web()}/#/pages/login/index`);
    const toggle = page.locator(visible('large-font-switch'));
    await toggle.waitFor({ timeout: 30_000 });
    const before = await fontSizeOf(page, '.cx-login__name');
    await toggle.click();
    await page.locator('[data-testid="page-root"].cx-page--large:visible').first().waitFor();
    expect(await fontSizeOf(page, '.cx-login__name')).toBeGreaterThan(before);
    expect(await tokenKeys(page)).toEqual([]);

    await page.goto(`${web()}/#/pages/index/index`);
    await page.reload();
    await page.locator(visible('home-welcome')).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="page-root"].cx-page--large:visible').first().waitFor();
    const bigText = await fontSizeOf(page, '[data-testid="home-welcome"]:visible .cx-welcome__text');
    expect(bigText).toBeGreaterThan(signedOutTextSize);
    await page.locator(visible('notice-title')).first().waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot('home-large-font.png', { fullPage: true });
  });

  it('the credit centre publishes a notice in 信用动态管理; a signed-out visitor sees it first', async () => {
    const { page, screenshot } = need(fresh, 'the fresh browser');
    await page.goto(`${web()}/#/pages/login/index`);
    await page.locator(visible('login-admin')).click();
    await page.locator(visible('home')).waitFor({ timeout: 30_000 });
    await page.goto(`${web()}/#/packages/admin/notices/index`);
    await page.reload();
    await page.locator(visible('notice-form')).waitFor({ timeout: 30_000 });
    await page.locator(visible('notice-category-policy')).click();
    await page.locator(`${visible('notice-title-input')} input`).fill('2027 年信易+ 场景征集开始');
    await page.locator(`${visible('notice-body-input')} textarea`).fill('欢迎区内场馆、商户申报 2027 年信易+ 守信激励场景，详情请咨询区信用中心。');
    await page.locator(visible('notice-save')).click();
    await page.locator(visible('notice-title'), { hasText: '2027 年信易+ 场景征集开始' }).waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot('home-console-notices.png');

    await page.goto(`${web()}/#/pages/mine/index`);
    await page.reload();
    await page.locator(visible('logout')).click();
    await page.locator(visible('login-res-zhang')).waitFor({ timeout: 30_000 });
    await page.goto(`${web()}/#/pages/index/index`);
    await page.reload();
    await page.locator(visible('notice-title')).first().waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('notice-title')).first().textContent()).resolves.toBe('2027 年信易+ 场景征集开始');
  });
});
