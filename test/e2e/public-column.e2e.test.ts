/**
 * 信用承诺 and 企业信用查询 in a real browser. 华信 (ent-huaxin) opens 企业信用 → 信用承诺, reads
 * the 告知承诺 template's clauses, names the approval item and signs. In a browser nobody signed in
 * to, 企业信用查询 finds 华信 by a fragment of its name and by its code, and its public page shows
 * the commitment with its date, the legal representative masked. The market regulator's clerk
 * (dept-market) finds the commitment at 违诺记录 by the code and records a breach; the public page
 * then marks it 违诺 with the reason and shows the 信用修复 guidance. Screenshots at 375 px.
 */
import { HUAXIN_USCC } from '../../functions/seed/demo-data';
import { launchBrowser, type Browser } from './support/browser';
import { need, visible } from './support/selectors';
import { startStack, type RunningStack } from './support/stack';

jest.setTimeout(240_000);

let stack: RunningStack | undefined;
let business: Browser | undefined;
let visitor: Browser | undefined;
let clerk: Browser | undefined;
let admin: Browser | undefined;

beforeAll(async () => {
  stack = await startStack();
  [business, visitor, clerk, admin] = await Promise.all([launchBrowser(), launchBrowser(), launchBrowser(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await Promise.all([business?.close(), visitor?.close(), clerk?.close(), admin?.close()]);
  await stack?.stop().catch(() => undefined);
  stack?.removeData();
});

const web = () => need(stack, 'the stack').webUrl;
const APPROVAL_ITEM = '食品经营许可（告知承诺）';
const BREACH_REASON = '现场核查经营场所与承诺的条件不符';

async function signIn(b: Browser, userId: string): Promise<void> {
  await b.page.goto(`${web()}/#/pages/login/index`);
  await b.page.locator(visible(`login-${userId}`)).click();
  await b.page.locator(visible('home')).waitFor({ timeout: 30_000 });
}

describe('信用承诺 and the public business look-up', () => {
  it('华信 signs a 告知承诺 from its business page', async () => {
    const b = need(business, 'the business’s browser');
    await signIn(b, 'ent-huaxin');
    await b.page.goto(`${web()}/#/packages/enterprise/business/index`);
    await b.page.locator(visible('business-entry-commitments')).click();
    await b.page.locator(visible('commitment-sign')).waitFor({ timeout: 30_000 });
    await b.page.locator(visible('my-commitments-empty')).waitFor({ timeout: 30_000 });

    await b.page.locator(`${visible('commitment-template')}[data-template-id="tpl-approval"]`).click();
    const clauses = await b.page.locator(visible('commitment-form-clauses')).innerText();
    for (const words of ['真实', '遵守', '监督', '公开']) expect(clauses).toContain(words);
    // Signing without the approval item is stopped on the page.
    await b.page.locator(visible('commitment-agree')).click();
    await b.page.locator(visible('commitment-submit')).click();
    await b.page.locator(visible('commitment-subject-msg')).waitFor({ timeout: 10_000 });
    await expect(b.page.locator(visible('commitment-subject-msg')).textContent()).resolves.toContain('审批事项');
    await b.screenshot('commitments-sign-form.png', { fullPage: true });

    await b.page.locator(`${visible('commitment-subject')} input`).fill(APPROVAL_ITEM);
    const signed = b.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/commitments'));
    await b.page.locator(visible('commitment-submit')).click();
    expect((await signed).status()).toBe(201);
    await b.page.locator(visible('commitment-signed-banner')).waitFor({ timeout: 30_000 });
    const item = b.page.locator(visible('commitment-item'));
    await item.first().waitFor({ timeout: 30_000 });
    await expect(item.count()).resolves.toBe(1);
    await expect(item.first().locator('[data-testid="commitment-subject-matter"]').textContent()).resolves.toContain(APPROVAL_ITEM);
    await b.screenshot('commitments-signed.png', { fullPage: true });
  });

  it('anyone, signed out, finds 华信 by part of its name and by its code, and sees the commitment', async () => {
    const v = need(visitor, 'the visitor’s browser');
    await v.page.goto(`${web()}/#/packages/public/search/index`);
    await v.page.locator(visible('public-search')).waitFor({ timeout: 30_000 });
    // One character is not enough.
    await v.page.locator(`${visible('public-search-input')} input`).fill('华');
    await v.page.locator(visible('public-search-go')).click();
    await v.page.locator(visible('public-search-hint')).waitFor({ timeout: 10_000 });

    await v.page.locator(`${visible('public-search-input')} input`).fill('华信商贸');
    await v.page.locator(visible('public-search-go')).click();
    const hit = v.page.locator(`${visible('public-search-hit')}[data-uscc="${HUAXIN_USCC}"]`);
    await hit.waitFor({ timeout: 30_000 });
    await v.screenshot('public-search-results.png', { fullPage: true });

    await v.page.locator(`${visible('public-search-input')} input`).fill(HUAXIN_USCC.toLowerCase());
    await v.page.locator(visible('public-search-go')).click();
    await v.page.locator(visible('public-search-results')).filter({ hasText: '找到 1 家' }).waitFor({ timeout: 30_000 });
    await hit.click();

    await v.page.locator(visible('public-enterprise')).waitFor({ timeout: 30_000 });
    await expect(v.page.locator(visible('public-enterprise-name')).textContent()).resolves.toBe('郑州华信商贸有限公司');
    await expect(v.page.locator(visible('public-enterprise-legal')).textContent()).resolves.toMatch(/^\S\*+$/);
    const commitment = v.page.locator(visible('commitment-item')).first();
    await commitment.waitFor({ timeout: 30_000 });
    await expect(commitment.getAttribute('data-breached')).resolves.toBe('false');
    await expect(commitment.innerText()).resolves.toContain(APPROVAL_ITEM);
    await expect(commitment.innerText()).resolves.toMatch(/签署日期：\d{4}-\d{2}-\d{2}/);
    await expect(v.page.locator(visible('public-repair-guidance')).count()).resolves.toBe(0);
    await v.screenshot('public-enterprise-commitment.png', { fullPage: true });
  });

  it('the market regulator records a breach at 违诺记录; the public page marks it 违诺 with repair guidance', async () => {
    const c = need(clerk, 'the clerk’s browser');
    await signIn(c, 'dept-market');
    await c.page.goto(`${web()}/#/packages/department/index/index`);
    await c.page.locator(visible('dept-entry-breaches')).click();
    await c.page.locator(visible('breaches-page')).waitFor({ timeout: 30_000 });
    await c.page.locator(`${visible('breach-uscc')} input`).fill(HUAXIN_USCC);
    await c.page.locator(visible('breach-lookup')).click();
    await c.page.locator(visible('breach-enterprise')).waitFor({ timeout: 30_000 });
    await c.page.locator(visible('commitment-action')).first().click();
    await c.page.locator(`${visible('breach-reason')} textarea`).fill(BREACH_REASON);
    await c.page.locator(visible('breach-severity-light')).click();
    await c.screenshot('breach-form.png', { fullPage: true });
    const recorded = c.page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/commitments\/[^/]+\/breaches$/.test(r.url()));
    await c.page.locator(visible('breach-submit')).click();
    expect((await recorded).status()).toBe(201);
    await c.page.locator(visible('breach-result')).waitFor({ timeout: 30_000 });
    await expect(c.page.locator(visible('breach-result')).innerText()).resolves.toContain('E-ETH-03');
    await c.page.locator(`${visible('commitment-item')}[data-breached="true"]`).waitFor({ timeout: 30_000 });
    await c.screenshot('breach-recorded.png', { fullPage: true });

    const v = need(visitor, 'the visitor’s browser');
    await v.page.reload();
    const commitment = v.page.locator(`${visible('commitment-item')}[data-breached="true"]`);
    await commitment.waitFor({ timeout: 30_000 });
    await expect(commitment.locator('[data-testid="commitment-breach"]').innerText()).resolves.toContain(BREACH_REASON);
    await v.page.locator(visible('public-repair-guidance')).waitFor({ timeout: 30_000 });
    await v.screenshot('public-enterprise-breach.png', { fullPage: true });
  });

  it('the credit centre publishes a template in the console and retires it; the business no longer sees it', async () => {
    const a = need(admin, 'the administrator’s browser');
    await signIn(a, 'admin');
    await a.page.goto(`${web()}/#/packages/admin/commitment-templates/index`);
    await a.page.locator(visible('admin-templates')).waitFor({ timeout: 30_000 });
    await a.page.locator(visible('admin-template')).nth(3).waitFor({ timeout: 30_000 });
    await a.page.locator(visible('template-new')).click();
    await a.page.locator(visible('template-type-industry')).click();
    await a.page.locator(`${visible('template-title')} input`).fill('物业服务行业自律信用承诺书');
    await a.page.locator(`${visible('template-clauses')} textarea`).fill('本单位提交的材料真实有效。\n本单位遵守物业服务行业自律公约。\n本单位同意公开本承诺。');
    await a.screenshot('templates-new.png', { fullPage: true });
    await a.page.locator(visible('template-save')).click();
    const created = a.page.locator(visible('admin-template')).filter({ hasText: '物业服务行业自律信用承诺书' });
    await created.waitFor({ timeout: 30_000 });
    await a.screenshot('templates-list.png', { fullPage: true });

    await created.click();
    await a.page.locator(visible('template-status-retired')).click();
    await a.page.locator(visible('template-save')).click();
    await a.page.locator(visible('admin-template')).filter({ hasText: '物业服务行业自律信用承诺书' }).filter({ hasText: '已停用' }).waitFor({ timeout: 30_000 });

    const b = need(business, 'the business’s browser');
    await b.page.reload();
    await b.page.locator(visible('commitment-template')).first().waitFor({ timeout: 30_000 });
    await expect(b.page.locator(visible('commitment-sign')).innerText()).resolves.not.toContain('物业服务');
  });
});
