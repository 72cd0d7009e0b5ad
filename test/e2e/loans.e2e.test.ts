/**
 * 信易贷 in a real browser, two phones side by side: 吴昊 (ent-new, a verified real name) registers
 * the business the enterprise registry names him legal representative of (after the form refuses
 * a wrong check character as it is typed), opens 信易贷, sees its eligibility on the cards — with
 * the founding date from the registry —, opens 诚信贷 with every criterion checked, and applies
 * for 50 万元 over 12 months. The loan officer of 中原银行
 * (bank-zy) opens 审批, the application and the business's credit report, and approves it; the
 * business reloads its application and sees 已批准 in the timeline. Last, 大字模式.
 */
import type { Page } from 'playwright-core';
import { NEW_BUSINESS_NAME, NEW_BUSINESS_USCC } from '../../functions/seed/demo-registry';
import { USCC_CHARSET, USCC_MESSAGES } from '../../functions/shared/domain/identifiers';
import { fontSizeOf, launchBrowser, settle, tab, type Browser } from './support/browser';
import { startStack, type RunningStack } from './support/stack';
import { need, visible } from './support/selectors';

jest.setTimeout(240_000);

let stack: RunningStack | undefined;
let business: Browser | undefined;
let bank: Browser | undefined;
/** The application's page in the business's browser, to reload after the bank decided. */
let applicationUrl = '';

beforeAll(async () => {
  stack = await startStack();
  business = await launchBrowser();
  bank = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await business?.close();
  await bank?.close();
  await stack?.stop().catch(() => undefined);
  stack?.removeData();
});


const web = () => need(stack, 'the stack').webUrl;

/** The business of the demo's enterprise registry whose legal representative is 吴昊, not yet registered in the app. */
const USCC = NEW_BUSINESS_USCC;
const WRONG_CHECK = USCC.slice(0, 17) + USCC_CHARSET[(USCC_CHARSET.indexOf(USCC[17]) + 1) % USCC_CHARSET.length];
const NAME = NEW_BUSINESS_NAME;
const PURPOSE = '采购原材料，支付上游供应商货款';

/**
 * Opens a page of the app as a fresh load, as a link or a bookmark would: a hash change alone
 * sometimes leaves Taro's H5 router on the page it was showing.
 */
async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.reload();
}

async function signIn(page: Page, userId: string): Promise<void> {
  await page.goto(`${web()}/#/pages/login/index`);
  await page.locator(visible(`login-${userId}`)).click();
  await page.locator(visible('home')).waitFor({ timeout: 30_000 });
}

describe('loans (信易贷): a business registers and applies, a bank reviews and approves', () => {
  it('ent-new is offered 企业认证 on 首页; the form refuses a wrong check character as it is typed', async () => {
    const { page, screenshot } = need(business, 'the business browser');
    await signIn(page, 'ent-new');
    await page.locator(visible('business-unregistered')).waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot('loans-ent-home-unregistered.png');

    await page.locator(visible('go-register')).click();
    await page.locator(visible('register-page')).waitFor({ timeout: 30_000 });
    const code = page.locator(`${visible('register-uscc')} input`);
    await code.fill(WRONG_CHECK.toLowerCase());
    const message = page.locator(visible('register-uscc-msg'));
    await expect(message.textContent()).resolves.toBe(USCC_MESSAGES.check);
    await code.fill(`${USCC.slice(0, 12)}I`);
    await expect(message.textContent()).resolves.toBe(USCC_MESSAGES.forbidden);
    await page.locator(`${visible('register-name')} input`).fill(NAME);
    // The legal representative is the verified person, not typed.
    await expect(page.locator(visible('register-legal-value')).textContent()).resolves.toBe('吴昊');
    await settle(page);
    await screenshot('loans-register-refused.png', { fullPage: true });

    await code.fill(USCC);
    await expect(message.getAttribute('data-tone')).resolves.toBe('ok');
    await expect(message.textContent()).resolves.toContain(`${USCC.slice(0, 6)}**********${USCC.slice(-2)}`);
    await screenshot('loans-register-valid.png', { fullPage: true });
  });

  it('registers and lands on the business page with its grade, then 首页 shows the business card', async () => {
    const { page, screenshot } = need(business, 'the business browser');
    await page.locator(visible('register-submit')).click();
    await page.locator(visible('business-page')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('business-name')).first().textContent()).resolves.toBe(NAME);
    await expect(page.locator(`${visible('business-page')} [data-testid="grade-letter"]`).textContent()).resolves.toMatch(/^[A-D]$/);
    await expect(page.locator(visible('business-penalties')).textContent()).resolves.toBe('0 次');
    await settle(page);
    await screenshot('loans-business.png', { fullPage: true });

    // A subpackage page has no tab bar: go to 首页 as the back button would.
    await visit(page, `${web()}/#/pages/index/index`);
    const card = page.locator(visible('business-card'));
    await card.waitFor({ timeout: 30_000 });
    await expect(card.locator('[data-testid="business-code"]').textContent()).resolves.toContain(`${USCC.slice(0, 6)}**********`);
    await settle(page);
    await screenshot('loans-ent-home.png');
  });

  it('opens 信易贷: every card says whether the business is eligible; 诚信贷 checks each criterion', async () => {
    const { page, screenshot } = need(business, 'the business browser');
    await tab(page, '信易贷').click();
    await page.locator(visible('loans-market-banner')).waitFor({ timeout: 30_000 });
    const chengxin = page.locator(`${visible('product-card')}[data-product-id="zy-chengxin-dai"]`);
    await chengxin.waitFor({ timeout: 30_000 });
    await expect(chengxin.locator('[data-testid="product-eligibility"]').getAttribute('data-eligible')).resolves.toBe('true');
    await expect(chengxin.locator('[data-testid="product-bank"]').textContent()).resolves.toBe('中原银行郑州管城支行');
    await expect(chengxin.locator('[data-testid="product-rate"]').textContent()).resolves.toBe('3.45%–4.35%');
    // The registry says the business was founded about a year ago: products asking for 2 years in business say so.
    const shuiyi = page.locator(`${visible('product-card')}[data-product-id="zy-shuiyi-dai"]`);
    await expect(shuiyi.locator('[data-testid="product-eligibility"]').getAttribute('data-eligible')).resolves.toBe('false');
    await expect(shuiyi.locator('[data-testid="product-failed"]').textContent()).resolves.toMatch(/成立 1(\.\d)? 年，要求 ≥ 2 年/);
    await settle(page);
    await screenshot('loans-market.png');

    // 税易贷 runs up to 24 months: asking for 36 leaves it out.
    await page.locator(visible('filter-term-36')).click();
    await page.locator(`${visible('product-card')}[data-product-id="zy-shuiyi-dai"]`).waitFor({ state: 'hidden', timeout: 15_000 });
    await expect(chengxin.count()).resolves.toBe(1);
    await page.locator(visible('filter-term-0')).click();
    await page.locator(`${visible('product-card')}[data-product-id="zy-shuiyi-dai"]`).waitFor({ timeout: 15_000 });

    await chengxin.click();
    await page.locator(visible('criteria')).waitFor({ timeout: 30_000 });
    expect(page.url()).toContain('#/packages/enterprise/product/index?id=zy-chengxin-dai');
    const criteria = page.locator(`${visible('criteria')} [data-testid="criterion"]`);
    expect(await criteria.count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator(`${visible('criteria')} [data-passed="true"]`).count()).toBe(await criteria.count());
    await expect(page.locator(`${visible('criteria')} [data-code="PENALTIES_12M"]`).textContent()).resolves.toContain('近12个月行政处罚 0 次，要求 ≤ 1 次');
    await expect(page.locator(visible('product-apply')).getAttribute('disabled')).resolves.toBeNull();
    await settle(page);
    await screenshot('loans-product.png', { fullPage: true });
  });

  it('applies for 50 万元 over 12 months and sees the bank’s deadline', async () => {
    const { page, screenshot } = need(business, 'the business browser');
    await page.locator(visible('product-apply')).click();
    await page.locator(visible('apply-page')).waitFor({ timeout: 30_000 });
    await page.locator(`${visible('apply-amount')} input`).fill('5000000');
    await expect(page.locator(visible('apply-amount-msg')).getAttribute('data-tone')).resolves.toBe('error');
    await page.locator(`${visible('apply-amount')} input`).fill('500000');
    await expect(page.locator(visible('apply-amount-msg')).textContent()).resolves.toBe('即 50 万元');
    await page.locator(`${visible('apply-term')} input`).fill('12');
    await page.locator(`${visible('apply-purpose')} textarea`).fill(PURPOSE);
    await expect(page.locator(visible('apply-notice')).textContent()).resolves.toContain('提交申请即视为授权该银行在申请处理期间查询本企业信用报告');
    await settle(page);
    await screenshot('loans-apply.png', { fullPage: true });

    await page.locator(visible('apply-submit')).click();
    await page.locator(visible('application-page')).waitFor({ timeout: 30_000 });
    applicationUrl = page.url();
    expect(applicationUrl).toMatch(/#\/packages\/enterprise\/application\/index\?id=la-/);
    await expect(page.locator(visible('application-status')).textContent()).resolves.toBe('已提交');
    await expect(page.locator(visible('application-amount')).textContent()).resolves.toBe('50 万元');
    await expect(page.locator(visible('application-deadline')).textContent()).resolves.toMatch(/银行应于 \d{4}-\d{2}-\d{2} 前答复/);
    await settle(page);
    await screenshot('loans-application-submitted.png', { fullPage: true });
  });

  it('bank-zy sees it waiting, opens it with the credit report, and approves it', async () => {
    const { page, screenshot } = need(bank, 'the bank browser');
    await signIn(page, 'bank-zy');
    await page.locator(visible('entry-bank')).click();
    await page.locator(visible('bank-home')).waitFor({ timeout: 30_000 });
    const open = page.locator(visible('count-open-value')).filter({ hasText: /^\d+$/ });
    await open.waitFor({ timeout: 15_000 });
    expect(Number(await open.textContent())).toBeGreaterThanOrEqual(1);
    await settle(page);
    await screenshot('loans-bank-home.png');

    await page.locator(visible('entry-queue')).click();
    await page.locator(visible('queue-page')).waitFor({ timeout: 30_000 });
    const item = page.locator(visible('application-card'), { hasText: NAME });
    await item.waitFor({ timeout: 30_000 });
    await expect(item.locator('[data-testid="application-deadline"]').textContent()).resolves.toMatch(/银行应于 \d{4}-\d{2}-\d{2} 前答复/);
    await settle(page);
    await screenshot('loans-bank-queue.png');

    await item.click();
    await page.locator(visible('credit-report')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('report-legal')).textContent()).resolves.toBe('吴*');
    // Opening it moved it to 审批中.
    await expect(page.locator(visible('application-status')).textContent()).resolves.toBe('审批中');
    await expect(page.locator(visible('application-purpose')).textContent()).resolves.toBe(PURPOSE);
    await settle(page);
    await screenshot('loans-bank-application.png', { fullPage: true });

    await page.locator(visible('approve')).click();
    await page.locator(visible('approve-sheet')).waitFor();
    await settle(page);
    await screenshot('loans-bank-approve-confirm.png');
    await page.locator(visible('approve-sheet-confirm')).click();
    await page.locator(`${visible('bank-application-page')}[data-status="APPROVED"]`).waitFor({ timeout: 15_000 });
    await expect(page.locator(visible('disburse')).count()).resolves.toBe(1);
    await settle(page);
    await screenshot('loans-bank-approved.png', { fullPage: true });
  });

  it('the business reloads its application and sees 已批准 in the timeline', async () => {
    const { page, screenshot } = need(business, 'the business browser');
    await visit(page, applicationUrl);
    await page.locator(`${visible('application-page')}[data-status="APPROVED"]`).waitFor({ timeout: 30_000 });
    const statuses = await page.locator(`${visible('application-history')} [data-testid="history-status"]`).allTextContents();
    expect(statuses).toEqual(['已提交', '审批中', '已批准']);
    await expect(page.locator(visible('withdraw')).count()).resolves.toBe(0);
    await settle(page);
    await screenshot('loans-application-approved.png', { fullPage: true });
  });

  it('the business lists its applications, grants 中原银行 90 days of access and revokes it', async () => {
    const { page, screenshot } = need(business, 'the business browser');
    await visit(page, `${web()}/#/packages/enterprise/applications/index`);
    const card = page.locator(visible('application-card'));
    await card.first().waitFor({ timeout: 30_000 });
    await expect(card.first().getAttribute('data-status')).resolves.toBe('APPROVED');
    await settle(page);
    await screenshot('loans-my-applications.png');

    await visit(page, `${web()}/#/packages/enterprise/authorizations/index`);
    await page.locator(visible('authorizations-page')).waitFor({ timeout: 30_000 });
    await page.locator(visible('grant-bank-org-bank-zy')).click();
    await page.locator(visible('grant-days-90')).click();
    await page.locator(visible('grant-submit')).click();
    const granted = page.locator(`${visible('authorization')}[data-status="active"]`);
    await granted.waitFor({ timeout: 15_000 });
    await expect(granted.textContent()).resolves.toContain('中原银行郑州管城支行');
    // Let the 已授权 toast fade before the shot.
    await page.waitForTimeout(1800);
    await screenshot('loans-authorizations.png', { fullPage: true });

    await granted.locator('[data-testid="revoke"]').click();
    await page.locator(visible('revoke-sheet-confirm')).click();
    await page.locator(`${visible('authorization')}[data-status="revoked"]`).waitFor({ timeout: 15_000 });
  });

  it('the bank lists its products and the new-product form names a minimum above the maximum', async () => {
    const { page, screenshot } = need(bank, 'the bank browser');
    await visit(page, `${web()}/#/packages/bank/products/index`);
    await page.locator(`${visible('bank-product')}[data-product-id="zy-chengxin-dai"]`).waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot('loans-bank-products.png');

    await page.locator(visible('product-new')).click();
    await page.locator(visible('product-edit-page')).waitFor({ timeout: 30_000 });
    await page.locator(`${visible('pe-name')} input`).fill('科技成长贷');
    await page.locator(`${visible('pe-minAmount')} input`).fill('500000');
    await page.locator(`${visible('pe-maxAmount')} input`).fill('100000');
    await expect(page.locator(visible('pe-maxAmount-msg')).textContent()).resolves.toBe('最高额度不能低于最低额度');
    await settle(page);
    await screenshot('loans-bank-product-form.png', { fullPage: true });
  });

  it('大字模式 enlarges the application page and the marketplace', async () => {
    const { page, screenshot } = need(business, 'the business browser');
    await visit(page, applicationUrl);
    await page.locator(`${visible('application-page')}[data-status="APPROVED"]`).waitFor({ timeout: 30_000 });
    const before = await fontSizeOf(page, `${visible('application-history')} [data-testid="history-status"]`);
    await visit(page, `${web()}/#/pages/mine/index`);
    await page.locator(visible('large-font-switch')).click();
    await page.locator('[data-testid="page-root"].cx-page--large:visible').first().waitFor();
    await visit(page, applicationUrl);
    await page.locator(`${visible('application-page')}[data-status="APPROVED"]`).waitFor({ timeout: 30_000 });
    expect(await fontSizeOf(page, `${visible('application-history')} [data-testid="history-status"]`)).toBeGreaterThan(before);
    await settle(page);
    await screenshot('loans-application-large-font.png', { fullPage: true });

    await visit(page, `${web()}/#/pages/loans/index`);
    await page.locator(`${visible('product-card')}[data-product-id="zy-chengxin-dai"]`).waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot('loans-market-large-font.png');
  });
});
