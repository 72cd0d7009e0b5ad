/**
 * The foundation journey in a real browser: the stack as `npm start` runs it, a resident signs in
 * with a demo identity, sees their points, turns on 大字模式, and the stack stops on Ctrl-C.
 */
import { fontSizeOf, launchBrowser, settle, tab, type Browser } from './support/browser';
import { portIsClosed, processesUsing, startStack, type RunningStack } from './support/stack';
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
  // Only reached with the stack still running when an earlier step failed.
  await stack?.stop().catch(() => undefined);
  stack?.removeData();
});



describe('foundation: sign in, points, 大字模式', () => {
  let homeNumberSize = 0;

  it('opens on 首页 without forcing a sign-in; 微信登录 there leads to the demo identities', async () => {
    const { page, screenshot } = need(browser, 'the browser');
    await page.goto(`${need(stack, 'the stack').webUrl}/`);
    await page.locator(visible('home-welcome')).waitFor({ timeout: 30_000 });
    await page.locator(visible('home-login')).click();
    await page.waitForSelector(visible('login-res-zhang'), { timeout: 30_000 });
    expect(page.url()).toContain('#/pages/login/index');
    for (const id of ['res-li', 'mer-museum', 'ent-huaxin', 'bank-zy', 'dept-market', 'admin']) {
      await expect(page.locator(visible(`login-${id}`)).count()).resolves.toBe(1);
    }
    await settle(page);
    await screenshot('foundation-login.png');
  });

  it('signs in as 张伟 and shows 135 points, tier 优秀, on 首页', async () => {
    const { page, screenshot } = need(browser, 'the browser');
    await page.locator(visible('login-res-zhang')).click();
    const value = page.locator(visible('points-value'));
    await value.waitFor({ timeout: 30_000 });
    await expect(value.textContent()).resolves.toBe('135');
    await expect(page.locator(visible('points-tier')).textContent()).resolves.toBe('优秀');
    await expect(page.locator(visible('home-greeting')).textContent()).resolves.toContain('张伟');
    expect(page.url()).toContain('#/pages/index/index');
    homeNumberSize = await fontSizeOf(page, visible('points-value'));
    expect(homeNumberSize).toBeGreaterThan(40);
    await settle(page);
    await screenshot('foundation-home.png');
  });

  it('大字模式 on 我的 enlarges the text there and on 首页, and survives a reload', async () => {
    const { page, screenshot } = need(browser, 'the browser');
    await tab(page, '我的').click();
    const name = page.locator(visible('mine-name'));
    await name.waitFor({ timeout: 30_000 });
    await expect(name.textContent()).resolves.toBe('张伟');
    const before = await fontSizeOf(page, visible('mine-name'));
    const bodyBefore = await fontSizeOf(page, '[data-testid="mine"]:visible .cx-mine__label');

    await page.locator(visible('large-font-switch')).click();
    await page.locator('[data-testid="page-root"].cx-page--large:visible').first().waitFor();

    const after = await fontSizeOf(page, visible('mine-name'));
    const bodyAfter = await fontSizeOf(page, '[data-testid="mine"]:visible .cx-mine__label');
    expect(after).toBeGreaterThan(before);
    expect(bodyAfter).toBeGreaterThan(bodyBefore);
    await settle(page);
    await screenshot('foundation-mine-large-font.png');

    await tab(page, '首页').click();
    await page.locator(visible('points-value')).waitFor();
    expect(await fontSizeOf(page, visible('points-value'))).toBeGreaterThan(homeNumberSize);

    await page.reload();
    await page.locator(visible('points-value')).waitFor({ timeout: 30_000 });
    expect(await fontSizeOf(page, visible('points-value'))).toBeGreaterThan(homeNumberSize);
  });

  it('退出登录 ends the session and returns to the sign-in page', async () => {
    const { page } = need(browser, 'the browser');
    const tokenKeys = async () => {
      const { origins } = await page.context().storageState();
      return origins.flatMap((o) => o.localStorage.map((item) => item.name)).filter((k) => k.includes('token'));
    };
    expect(await tokenKeys()).toHaveLength(1);
    await tab(page, '我的').click();
    await page.locator(visible('logout')).click();
    await page.waitForSelector(visible('login-res-zhang'), { timeout: 30_000 });
    expect(await tokenKeys()).toEqual([]);
  });

  it('stops on Ctrl-C and leaves no DynamoDB Local behind', async () => {
    const running = need(stack, 'the stack');
    await browser?.close();
    browser = undefined;
    const code = await running.stop();
    expect(code).toBe(0);
    expect(processesUsing(running.dataDir)).toEqual([]);
    await expect(portIsClosed(running.dbPort)).resolves.toBe(true);
    running.removeData();
    stack = undefined;
  });
});
