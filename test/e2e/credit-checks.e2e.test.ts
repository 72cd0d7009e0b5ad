/**
 * 信用核查 in a real browser at 375 px. The market regulator's clerk (dept-market) opens 部门工作台 →
 * 信用核查, picks 政府采购, pastes a list in which one line is mistyped (flagged with its line number
 * as it is typed, and 开始核查 refuses), corrects it, then imports the same list as a CSV file through
 * the browser's file chooser, and runs the check. 核查结果 shows the table: 华信 未发现限制, 恒达建材
 * (revoked in the registry) 存在限制 with its reasons, an unknown code 未找到; the report verifies
 * online. 核查记录 lists the check. Then 华信's staff (ent-huaxin) sees the market regulator and the
 * purpose in 谁查看了我的信用.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { USCC_CHARSET, usccCheckChar } from '../../functions/shared/domain/identifiers';
import { HUAXIN_USCC } from '../../functions/seed/demo-data';
import { NEW_BUSINESS_USCC, REVOKED_USCC } from '../../functions/seed/demo-registry';
import { launchBrowser, settle, type Browser } from './support/browser';
import { startStack, type RunningStack } from './support/stack';
import { need, visible } from './support/selectors';

jest.setTimeout(240_000);

let stack: RunningStack | undefined;
let clerk: Browser | undefined;
let owner: Browser | undefined;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-e2e-checks-'));

beforeAll(async () => {
  stack = await startStack();
  clerk = await launchBrowser();
  owner = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await clerk?.close();
  await owner?.close();
  await stack?.stop().catch(() => undefined);
  stack?.removeData();
  fs.rmSync(workDir, { recursive: true, force: true });
});

const web = () => need(stack, 'the stack').webUrl;

/** A valid code no registry holds (管城回族区 structure, random serial). */
function unknownUscc(): string {
  let body = '91410104';
  while (body.length < 17) body += USCC_CHARSET[Math.floor(Math.random() * USCC_CHARSET.length)];
  return body + usccCheckChar(body);
}

const UNKNOWN = unknownUscc();
const MISTYPED = HUAXIN_USCC.slice(0, 17) + (HUAXIN_USCC[17] === '0' ? '1' : '0');

async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
  await expect(locator.first().textContent()).resolves.toContain(text);
}

const row = (page: Page, uscc: string) => page.locator(`${visible('check-result-row')}[data-uscc="${uscc}"]`);

let checkId = '';

describe('信用核查: dept-market checks businesses before a procurement', () => {
  it('opens 信用核查 from 部门工作台', async () => {
    const { page, screenshot } = need(clerk, 'the clerk’s browser');
    await page.goto(`${web()}/#/pages/login/index`);
    await page.locator(visible('login-dept-market')).click();
    await page.locator(visible('home')).waitFor({ timeout: 30_000 });
    await page.locator(visible('entry-department')).click();
    await page.locator(visible('dept-home')).waitFor({ timeout: 30_000 });
    await page.locator(visible('dept-entry-credit-check')).click();
    await page.locator(visible('check-form')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('dept-title')).textContent()).resolves.toBe('信用核查');
    await settle(page);
    await screenshot('credit-check-start.png', { fullPage: true });
  });

  it('flags a mistyped line as it is typed and refuses to start until it is corrected', async () => {
    const { page, screenshot } = need(clerk, 'the clerk’s browser');
    const box = page.locator(`${visible('check-subjects')} textarea`);
    await box.fill([HUAXIN_USCC, MISTYPED, REVOKED_USCC].join('\n'));
    await expectText(page.locator(visible('check-problem')), `第 2 行 ${MISTYPED}：统一社会信用代码校验位不正确`);
    await expectText(page.locator(visible('check-status')), '有效代码 2 个，有误 1 行');
    let posted = false;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/credit-checks')) posted = true;
    });
    await page.locator(visible('check-submit')).click();
    await page.locator(visible('check-purpose-error')).waitFor({ timeout: 30_000 });
    await expectText(page.locator(visible('check-blocker')), '有 1 行不是有效的统一社会信用代码');
    expect(posted).toBe(false);
    await settle(page);
    await screenshot('credit-check-mistyped.png', { fullPage: true });
  });

  it('imports the list from a CSV file and runs the check for 政府采购', async () => {
    const { page, screenshot } = need(clerk, 'the clerk’s browser');
    const file = path.join(workDir, '核查名单.csv');
    fs.writeFileSync(file, ['企业名称,统一社会信用代码', `郑州华信商贸有限公司,${HUAXIN_USCC}`, `郑州恒达建材有限公司,${REVOKED_USCC}`, `未登记,${UNKNOWN}`, `新企业,${NEW_BUSINESS_USCC}`, `重复,${HUAXIN_USCC}`].join('\r\n'));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 30_000 }), page.locator(visible('check-import')).click()]);
    await chooser.setFiles(file);
    await expectText(page.locator(visible('check-file')), '已导入「核查名单.csv」');
    await expectText(page.locator(visible('check-status')), '有效代码 4 个，重复 1 行（只核查一次）');
    await expect(page.locator(visible('check-problems')).count()).resolves.toBe(0);
    await page.locator(visible('check-purpose-procurement')).click();
    await expect(page.locator(visible('check-purpose-procurement')).getAttribute('aria-pressed')).resolves.toBe('true');
    await settle(page);
    await screenshot('credit-check-ready.png', { fullPage: true });

    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/credit-checks'), { timeout: 30_000 });
    await page.locator(visible('check-submit')).click();
    expect((await sent).postDataJSON()).toEqual({ purpose: 'procurement', subjects: [HUAXIN_USCC, REVOKED_USCC, UNKNOWN, NEW_BUSINESS_USCC] });
    const view = page.locator(visible('check-view-loaded'));
    await view.waitFor({ timeout: 30_000 });
    checkId = (await view.getAttribute('data-id')) ?? '';
    expect(checkId).toMatch(/^cc-/);
  });

  it('shows the verdicts as a table with reasons and the signed report, which verifies', async () => {
    const { page, screenshot } = need(clerk, 'the clerk’s browser');
    await expect(page.locator(visible('dept-title')).textContent()).resolves.toBe('核查结果');
    await expect(page.locator(visible('check-summary-clear')).textContent()).resolves.toBe('2');
    await expect(page.locator(visible('check-summary-restricted')).textContent()).resolves.toBe('1');
    await expect(page.locator(visible('check-summary-not-found')).textContent()).resolves.toBe('1');

    await expect(row(page, HUAXIN_USCC).getAttribute('data-verdict')).resolves.toBe('clear');
    await expect(row(page, HUAXIN_USCC).locator('[data-testid="check-result-name"]').textContent()).resolves.toBe('郑州华信商贸有限公司');
    await expect(row(page, HUAXIN_USCC).locator('[data-testid="check-result-verdict"]').textContent()).resolves.toBe('未发现限制');
    await expect(row(page, REVOKED_USCC).getAttribute('data-verdict')).resolves.toBe('restricted');
    await expect(row(page, REVOKED_USCC).locator('[data-testid="check-result-verdict"]').textContent()).resolves.toBe('存在限制');
    await expect(row(page, REVOKED_USCC).locator('[data-testid="check-result-reasons"]').textContent()).resolves.toContain('登记状态为「吊销」');
    await expect(row(page, UNKNOWN).getAttribute('data-verdict')).resolves.toBe('not_found');
    await expect(row(page, UNKNOWN).locator('[data-testid="check-result-verdict"]').textContent()).resolves.toBe('未找到');
    await expect(row(page, NEW_BUSINESS_USCC).getAttribute('data-verdict')).resolves.toBe('clear');
    await settle(page);
    await screenshot('credit-check-result.png', { fullPage: true });

    await page.locator(visible('check-filter-restricted')).click();
    await expect(page.locator(visible('check-result-row')).count()).resolves.toBe(1);
    await page.locator(visible('check-filter-all')).click();

    await expect(page.locator(visible('check-report-id')).textContent()).resolves.toBe(checkId);
    await page.locator(visible('check-report-verify')).click();
    const verified = page.locator(visible('check-report-verified'));
    await verified.waitFor({ timeout: 30_000 });
    await expect(verified.getAttribute('data-valid')).resolves.toBe('true');
    await page.locator(visible('check-report')).scrollIntoViewIfNeeded();
    await settle(page);
    await screenshot('credit-check-report.png');
  });

  it('lists the check in 核查记录', async () => {
    const { page, screenshot } = need(clerk, 'the clerk’s browser');
    await page.goto(`${web()}/#/packages/department/credit-checks/index`);
    await page.reload();
    const first = page.locator(visible('check-item')).first();
    await first.waitFor({ timeout: 30_000 });
    await expect(first.getAttribute('data-id')).resolves.toBe(checkId);
    await expect(first.locator('[data-testid="check-item-purpose"]').textContent()).resolves.toBe('政府采购');
    await expect(first.locator('[data-testid="check-item-summary"]').textContent()).resolves.toContain('共 4 家');
    await settle(page);
    await screenshot('credit-check-history.png', { fullPage: true });
  });

  it('华信 sees the market regulator and the purpose in 谁查看了我的信用', async () => {
    const { page, screenshot } = need(owner, 'the business’s browser');
    await page.goto(`${web()}/#/pages/login/index`);
    await page.locator(visible('login-ent-huaxin')).click();
    await page.locator(visible('home')).waitFor({ timeout: 30_000 });
    await page.goto(`${web()}/#/packages/resident/access-log/index`);
    await page.reload();
    const entry = page.locator(visible('access-item')).filter({ hasText: checkId }).first();
    await entry.waitFor({ timeout: 30_000 });
    await expect(entry.locator('[data-testid="access-org"]').textContent()).resolves.toContain('管城回族区市场监督管理局');
    await expect(entry.locator('[data-testid="access-purpose"]').textContent()).resolves.toBe('信用核查：政府采购');
    await settle(page);
    await screenshot('credit-check-access-log.png', { fullPage: true });
  });
});
