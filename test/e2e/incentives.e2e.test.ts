/**
 * 信易+ at the counter, two phones side by side: 张伟 opens 信易+ and the museum's free entry,
 * taps 出示凭证 and shows the QR pass; the museum's staff pastes the pass on the 核验 page and sees
 * 通过 with 张*; 张伟's screen turns to 已核验 by itself within seconds; the same pass again is
 * refused as already redeemed. Then the merchant's area and history, 张伟's 核销记录, and 李娜's
 * 信易+ (8 points short), also in 大字模式.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, settle, tab, type Browser } from './support/browser';
import { startStack, type RunningStack } from './support/stack';
import { need, visible } from './support/selectors';

jest.setTimeout(240_000);

let stack: RunningStack | undefined;
let resident: Browser | undefined;
let merchant: Browser | undefined;
/** The pass text 张伟's screen showed, as the merchant will type it. */
let shownPass = '';

beforeAll(async () => {
  stack = await startStack();
  resident = await launchBrowser();
  merchant = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await resident?.close();
  await merchant?.close();
  await stack?.stop().catch(() => undefined);
  stack?.removeData();
});


const card = (id: string) => `${visible('incentive-card')}[data-incentive-id="${id}"]`;
const web = () => need(stack, 'the stack').webUrl;

async function signIn(page: Page, userId: string): Promise<void> {
  await page.goto(`${web()}/#/pages/login/index`);
  await page.locator(visible(`login-${userId}`)).click();
  await page.locator(visible('home')).waitFor({ timeout: 30_000 });
}

// Runs in the page (as a string: the Node tsconfig has no DOM types): the QR image has decoded.
const QR_LOADED = `(() => {
  const el = Array.from(document.querySelectorAll('[data-testid="pass-qr"]')).find((e) => e.offsetParent !== null);
  const img = el && (el.tagName === 'IMG' ? el : el.querySelector('img'));
  return Boolean(img && img.complete && img.naturalWidth > 0);
})()`;

/** The QR image as drawn: its box, the box of the element that clips it, and its decoded pixel size. */
const qrBox = (page: Page) =>
  page.locator(visible('pass-qr')).evaluate((el) => {
    type Box = { left: number; top: number; right: number; bottom: number; width: number; height: number };
    const img = (el.tagName === 'IMG' ? el : el.querySelector('img')) as unknown as {
      naturalWidth: number;
      naturalHeight: number;
      getBoundingClientRect(): Box;
    };
    const outer = (el as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect();
    const r = img.getBoundingClientRect();
    return { img: r, outer, naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight };
  });

// Runs in the page: Taro's H5 pages may scroll inside their own container.
const SCROLL_TOP = `(() => { window.scrollTo(0, 0); document.querySelectorAll('.taro_page').forEach((p) => { p.scrollTop = 0; }); })()`;

describe('信易+: a resident shows a pass, a merchant redeems it', () => {
  it('张伟 opens 信易+, sees what he can use, and opens 博物馆免费参观', async () => {
    const { page, screenshot } = need(resident, 'the resident browser');
    await signIn(page, 'res-zhang');
    await tab(page, '信易+').click();
    await page.locator(visible('incentives-page')).waitFor({ timeout: 30_000 });
    const museum = page.locator(card('museum-free-entry'));
    await expect(museum.locator('[data-testid="incentive-status"]').textContent()).resolves.toContain('可享受');
    await expect(museum.locator('[data-testid="incentive-status"]').textContent()).resolves.toContain('今日剩余 1 次');
    await expect(museum.locator('[data-testid="incentive-quota"]').textContent()).resolves.toBe('每天 1 次');
    await settle(page);
    await screenshot('incentives-resident-tab.png');

    await page.locator(visible('category-read')).click();
    await expect(page.locator(visible('incentive-card')).count()).resolves.toBe(1);
    await page.locator(visible('category-all')).click();

    await museum.click();
    await page.locator(visible('scenario-details')).waitFor({ timeout: 30_000 });
    expect(page.url()).toContain('#/packages/resident/incentive/index?id=museum-free-entry');
    await expect(page.locator(visible('scenario-conditions')).textContent()).resolves.toContain('信用积分达到 100 分及以上');
    // Enabled, and not merely looking disabled (an attribute disabled="false" still matches [disabled]).
    await expect(page.locator(visible('show-pass')).getAttribute('disabled')).resolves.toBeNull();
    await settle(page);
    await screenshot('incentives-resident-scenario.png', { fullPage: true });
  });

  it('出示凭证 shows a square QR code, the 32-character pass below it and the countdown', async () => {
    const { page, screenshot } = need(resident, 'the resident browser');
    await page.locator(visible('show-pass')).click();
    const text = page.locator(visible('pass-text'));
    await text.waitFor({ timeout: 30_000 });
    shownPass = (await text.textContent())?.trim() ?? '';
    expect(shownPass).toMatch(/^[0-9A-Za-z_-]{32}$/);
    await expect(text.getAttribute('data-pass')).resolves.toBe(shownPass);

    await page.waitForFunction(QR_LOADED);
    const box = await qrBox(page);
    expect(box.naturalWidth).toBe(box.naturalHeight);
    expect(box.img.width).toBeGreaterThan(200);
    expect(Math.abs(box.img.width - box.img.height)).toBeLessThan(1);
    // Drawn whole: not shifted out of the box that clips it.
    expect(box.img.left).toBeGreaterThanOrEqual(box.outer.left - 0.5);
    expect(box.img.right).toBeLessThanOrEqual(box.outer.right + 0.5);
    expect(box.img.top).toBeGreaterThanOrEqual(box.outer.top - 0.5);
    expect(box.img.bottom).toBeLessThanOrEqual(box.outer.bottom + 0.5);
    await expect(page.locator(visible('pass-countdown')).textContent()).resolves.toMatch(/^\d{1,2} 秒后自动刷新$/);
    await settle(page);
    await screenshot('incentives-resident-pass.png');
  });

  it('the museum’s staff pastes the pass on 核验 and sees 通过 with 张*; 张伟’s screen turns to 已核验', async () => {
    const m = need(merchant, 'the merchant browser');
    await signIn(m.page, 'mer-museum');
    await m.page.locator(visible('entry-scan')).click();
    await m.page.locator(visible('verify-page')).waitFor({ timeout: 30_000 });
    await m.page.locator(`${visible('verify-input')} input`).fill(shownPass);
    await expect(m.page.locator(visible('verify-input-hint')).textContent()).resolves.toBe('已输入 32 / 32 位');
    await expect(m.page.locator(visible('verify-submit')).getAttribute('disabled')).resolves.toBeNull();
    await settle(m.page);
    await m.screenshot('incentives-merchant-verify.png');

    await m.page.locator(visible('verify-submit')).click();
    const result = m.page.locator(visible('verify-result'));
    await result.waitFor({ timeout: 15_000 });
    await expect(result.getAttribute('data-result')).resolves.toBe('passed');
    await expect(m.page.locator(visible('result-masked-name')).textContent()).resolves.toBe('张*');
    await expect(m.page.locator(visible('result-remaining')).textContent()).resolves.toBe('今日剩余 0 次');
    await expect(m.page.locator(visible('result-benefit')).textContent()).resolves.toBe('免费入馆，并赠送一次讲解服务');
    await m.screenshot('incentives-merchant-pass-ok.png');

    // 张伟's phone polls every 2 s: 已核验 appears without anyone touching it.
    const r = need(resident, 'the resident browser');
    const started = Date.now();
    await r.page.locator(visible('pass-verified')).waitFor({ timeout: 8_000 });
    expect(Date.now() - started).toBeLessThan(8_000);
    await expect(r.page.locator(visible('pass-verified-merchant')).textContent()).resolves.toBe('管城回族区博物馆');
    await expect(r.page.locator(visible('pass-qr')).count()).resolves.toBe(0);
    await r.screenshot('incentives-resident-verified.png');
  });

  it('the same pass a second time is refused as already redeemed', async () => {
    const { page, screenshot } = need(merchant, 'the merchant browser');
    await page.locator(visible('verify-next')).click();
    await page.locator(`${visible('verify-input')} input`).fill(shownPass);
    await page.locator(visible('verify-submit')).click();
    const result = page.locator(visible('verify-result'));
    await result.waitFor({ timeout: 15_000 });
    await expect(result.getAttribute('data-result')).resolves.toBe('refused');
    await expect(result.getAttribute('data-code')).resolves.toBe('PASS_USED');
    await expect(page.locator(visible('result-reason')).textContent()).resolves.toContain('已核销');
    await screenshot('incentives-merchant-used.png');
  });

  it('the merchant’s area counts today’s redemption and lists it; the history filters by date', async () => {
    const { page, screenshot } = need(merchant, 'the merchant browser');
    await page.goto(`${web()}/#/packages/merchant/index/index`);
    await page.locator(visible('merchant-home')).waitFor({ timeout: 30_000 });
    await page.locator(visible('merchant-today-count'), { hasText: /^1$/ }).waitFor({ timeout: 15_000 });
    await expect(page.locator(`${visible('merchant-recent')} [data-testid="redemption-who"]`).first().textContent()).resolves.toBe('张*');
    const scenarios = await page.locator(visible('merchant-scenario')).allTextContents();
    expect(scenarios.some((s) => s.includes('博物馆免费参观'))).toBe(true);
    expect(scenarios.some((s) => s.includes('图书馆免押金借阅'))).toBe(false);
    await settle(page);
    await screenshot('incentives-merchant-home.png', { fullPage: true });

    await page.locator(visible('merchant-history-link')).click();
    await page.locator(visible('merchant-history')).waitFor({ timeout: 30_000 });
    await page.locator(visible('redemption-item')).first().waitFor({ timeout: 15_000 });
    await page.locator(visible('range-today')).click();
    await page.locator(visible('redemption-item')).first().waitFor({ timeout: 15_000 });
    // The list reloads for the new range: wait for the settled count rather than reading it at once.
    await page.locator(visible('history-today-count'), { hasText: /^1$/ }).waitFor({ timeout: 15_000 });
    let count = -1;
    for (let i = 0; i < 30 && count !== 1; i++) {
      count = await page.locator(visible('redemption-item')).count();
      if (count !== 1) await page.waitForTimeout(500);
    }
    expect(count).toBe(1);
    await settle(page);
    await screenshot('incentives-merchant-history.png');
  });

  it('张伟 back on the scenario sees today’s use spent, and finds it in 核销记录', async () => {
    const { page, screenshot } = need(resident, 'the resident browser');
    await page.locator(visible('pass-done')).click();
    await page.locator(visible('scenario-details')).waitFor();
    await page.locator(visible('scenario-status'), { hasText: '今日次数已用完' }).waitFor({ timeout: 15_000 });
    await expect(page.locator(visible('show-pass')).getAttribute('disabled')).resolves.not.toBeNull();
    await settle(page);
    await screenshot('incentives-resident-used-up.png');

    await page.goto(`${web()}/#/pages/mine/index`);
    await page.locator(visible('mine-redemptions')).click();
    await page.locator(visible('resident-redemptions')).waitFor({ timeout: 30_000 });
    const item = page.locator(visible('redemption-item')).first();
    await item.waitFor({ timeout: 15_000 });
    await expect(item.locator('[data-testid="redemption-where"]').textContent()).resolves.toBe('管城回族区博物馆');
    await settle(page);
    await screenshot('incentives-resident-redemptions.png');
  });

  it('李娜 sees 还差 8 分 on the museum and cannot show a pass; also in 大字模式', async () => {
    const { page, screenshot } = need(resident, 'the resident browser');
    await signIn(page, 'res-li');
    await tab(page, '信易+').click();
    await page.locator(visible('incentives-page')).waitFor({ timeout: 30_000 });
    const museum = page.locator(card('museum-free-entry'));
    await museum.locator('[data-testid="incentive-status"]', { hasText: '暂不可用' }).waitFor({ timeout: 15_000 });
    await expect(museum.locator('[data-testid="incentive-reason"]').allTextContents()).resolves.toEqual(['还差 8 分']);
    await settle(page);
    await screenshot('incentives-li-tab.png');

    await museum.click();
    await page.locator(visible('scenario-details')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('show-pass')).getAttribute('disabled')).resolves.not.toBeNull();
    await expect(page.locator(visible('show-pass-why')).textContent()).resolves.toBe('暂不可用：还差 8 分');

    await page.goto(`${web()}/#/pages/mine/index`);
    await page.locator(visible('large-font-switch')).click();
    await page.locator('[data-testid="page-root"].cx-page--large:visible').first().waitFor();
    await tab(page, '信易+').click();
    await page.locator(`${visible('incentives-page')}`).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="page-root"].cx-page--large:visible').first().waitFor();
    await page.evaluate(SCROLL_TOP);
    await settle(page);
    await screenshot('incentives-li-tab-large-font.png');
    await page.locator(card('museum-free-entry')).click();
    await page.locator(visible('scenario-details')).waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot('incentives-li-scenario-large-font.png', { fullPage: true });

    // The one scenario she can use (≥ 90 points): its pass in 大字模式 still fits a 375 px screen.
    await page.goto(`${web()}/#/packages/resident/incentive/index?id=powerbank-free`);
    await page.locator(visible('scenario-details')).waitFor({ timeout: 30_000 });
    await page.locator(visible('show-pass')).click();
    await page.locator(visible('pass-text')).waitFor({ timeout: 30_000 });
    await page.waitForFunction(QR_LOADED);
    const box = await qrBox(page);
    expect(box.img.right).toBeLessThanOrEqual(375);
    await settle(page);
    await screenshot('incentives-li-pass-large-font.png', { fullPage: true });
  });
});
