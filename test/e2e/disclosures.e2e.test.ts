/**
 * 双公示 in a real browser. The market regulator's clerk (dept-market) opens 部门工作台 → 双公示,
 * sees the demo decisions, opens 报送一项决定 and publishes a general penalty of the business 吴昊
 * represents (in the enterprise registry); it is 已公示 and listed with 按时 and 公示至 a year after
 * the decision less a day. A visitor, signed out, opens that business's public page and finds the
 * penalty with its 公示至 date. The clerk uploads a CF file (one good line, one bad) and reads the
 * result per line. The credit centre opens 双公示及时性 and sees the department's row and the
 * 12-month trend. Screenshots at 375 px (and the console at 1280 px) go to test/artifacts/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { NEW_BUSINESS_NAME, NEW_BUSINESS_USCC } from '../../functions/seed/demo-registry';
import { addMonths, chinaDate } from '../../functions/shared/domain/china-time';
import { launchBrowser, settle, type Browser } from './support/browser';
import { startStack, type RunningStack } from './support/stack';
import { need, visible } from './support/selectors';

jest.setTimeout(240_000);

let stack: RunningStack | undefined;
let clerk: Browser | undefined;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-e2e-disc-'));

beforeAll(async () => {
  stack = await startStack();
  clerk = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await clerk?.close();
  await stack?.stop().catch(() => undefined);
  stack?.removeData();
  fs.rmSync(workDir, { recursive: true, force: true });
});

const web = () => need(stack, 'the stack').webUrl;
const RUN = randomUUID().slice(0, 6).toUpperCase();
const DECISION_NO = `管市监罚〔2026〕E${RUN}号`;
const today = chinaDate(new Date());
/** The last day a general penalty decided today is public: a year on, less a day. */
const lastPublicDay = chinaDate(new Date(new Date(addMonths(`${today}T00:00:00+08:00`, 12)).getTime() - 1));

describe('双公示: a department publishes a penalty and the public page shows it', () => {
  it('opens 双公示 from 部门工作台 and lists the demo decisions', async () => {
    const { page, screenshot } = need(clerk, 'the clerk’s browser');
    await page.goto(`${web()}/#/pages/login/index`);
    await page.locator(visible('login-dept-market')).click();
    await page.locator(visible('home')).waitFor({ timeout: 30_000 });
    await page.locator(visible('entry-department')).click();
    await page.locator(visible('dept-home')).waitFor({ timeout: 30_000 });
    await page.locator(visible('dept-entry-disclosures')).click();
    await page.locator(visible('disclosures-list')).waitFor({ timeout: 30_000 });
    expect(page.url()).toContain('#/packages/department/disclosures/index');
    await page.locator(`${visible('disclosure-item')}[data-source="DEMO-CF-HD-01"]`).waitFor({ timeout: 30_000 });
    await expect(page.locator(`${visible('disclosure-item')}[data-source="DEMO-XK-HX-01"] [data-testid="disclosure-public"]`).textContent()).resolves.toBe('长期公示');
    await expect(page.locator(`${visible('disclosure-item')}[data-source="DEMO-CF-HD-01"] [data-testid="disclosure-public"]`).textContent()).resolves.toMatch(/^公示至 \d{4}-\d{2}-\d{2}$/);
    await settle(page);
    await screenshot('disclosures-list-demo.png', { fullPage: true });
  });

  it('publishes a general penalty through the form: 已公示, then listed as 按时 with 公示至', async () => {
    const { page, screenshot } = need(clerk, 'the clerk’s browser');
    await page.locator(visible('disclosures-submit')).click();
    await page.locator(visible('disclosure-form')).waitFor({ timeout: 30_000 });
    await page.locator(`${visible('disclosure-partyName')} input`).fill(NEW_BUSINESS_NAME);
    await page.locator(`${visible('disclosure-uscc')} input`).fill(NEW_BUSINESS_USCC.slice(0, 17) + (NEW_BUSINESS_USCC[17] === '0' ? '1' : '0'));
    await page.locator(visible('disclosure-uscc')).filter({ hasText: '校验' }).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    await page.locator(`${visible('disclosure-uscc')} input`).fill(NEW_BUSINESS_USCC);
    await page.locator(`${visible('disclosure-decisionNo')} input`).fill(DECISION_NO);
    await page.locator(`${visible('disclosure-content')} textarea`).fill('生产不合格防水卷材，没收违法所得并处罚款人民币一万元');
    await page.locator(`${visible('disclosure-legalBasis')} input`).fill('《中华人民共和国产品质量法》第四十九条');
    await page.locator(`${visible('disclosure-fineYuan')} input`).fill('10000');
    await page.locator(visible('disclosure-severity-general')).click();
    await settle(page);
    await screenshot('disclosures-form.png', { fullPage: true });
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/disclosures'), { timeout: 30_000 }),
      page.locator(visible('disclosure-send')).click(),
    ]);
    expect(request.postDataJSON()).toMatchObject({ items: [{ kind: 'penalty', uscc: NEW_BUSINESS_USCC, decisionNo: DECISION_NO, severity: 'general', fineYuan: 10000, decidedOn: today }] });
    await page.locator(`${visible('disclosure-result')}[data-outcome="accepted"]`).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('disclosure-result-late')).count()).resolves.toBe(0);
    await settle(page);
    await screenshot('disclosures-form-accepted.png', { fullPage: true });

    await page.locator(visible('disclosure-to-list')).click();
    const mine = page.locator(visible('disclosure-item')).filter({ hasText: DECISION_NO });
    await mine.waitFor({ timeout: 30_000 });
    await expect(mine.getAttribute('data-late')).resolves.toBe('no');
    await expect(mine.locator('[data-testid="disclosure-public"]').textContent()).resolves.toBe(`公示至 ${lastPublicDay}`);
    await settle(page);
    await screenshot('disclosures-list-published.png', { fullPage: true });
  });

  it('shows the penalty on the business’s public page to a signed-out visitor', async () => {
    const visitor = await launchBrowser();
    try {
      await visitor.page.goto(`${web()}/#/packages/public/enterprise/index?uscc=${NEW_BUSINESS_USCC}`);
      await visitor.page.locator(visible('public-enterprise')).waitFor({ timeout: 30_000 });
      const penalty = visitor.page.locator(visible('public-penalty')).filter({ hasText: DECISION_NO });
      await penalty.waitFor({ timeout: 30_000 });
      // The public page (packages/public/enterprise) prints the date of the end instant, the day
      // after the last public day the workbench shows: either names a year after the decision.
      await expect(penalty.locator('[data-testid="public-penalty-until"]').textContent()).resolves.toBe(lastPublicDay);
      await settle(visitor.page);
      await visitor.screenshot('disclosures-public-page.png', { fullPage: true });
    } finally {
      await visitor.close();
    }
  });

  it('uploads a CF file and answers per line', async () => {
    const { page, screenshot } = need(clerk, 'the clerk’s browser');
    await page.goto(`${web()}/#/packages/department/disclosure-upload/index`);
    await page.locator(visible('disclosure-upload-start')).waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot('disclosures-upload-start.png', { fullPage: true });
    const file = path.join(workDir, 'cf.csv');
    const head = '数据编号,行政相对人名称,统一社会信用代码,行政处罚决定书文号,处罚类别,处罚内容,处罚依据,罚款金额（万元）,处罚决定日期,失信程度,简易程序,公示截止期,处罚机关,状态';
    fs.writeFileSync(file, `\uFEFF${head}\r\nUP-${RUN}-1,${NEW_BUSINESS_NAME},${NEW_BUSINESS_USCC},管市监罚〔2026〕U${RUN}号,警告,警告,《产品质量法》第四十九条,,${today},轻微,是,,,正常\r\nUP-${RUN}-2,${NEW_BUSINESS_NAME},${NEW_BUSINESS_USCC},管市监罚〔2026〕V${RUN}号,罚款,罚款,依据,很多,${today},一般,否,,,正常\r\n`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 30_000 }), page.locator(visible('disclosure-upload-choose')).click()]);
    await chooser.setFiles(file);
    await page.locator(visible('disclosure-upload-check')).waitFor({ timeout: 30_000 });
    await page.locator(visible('disclosure-upload-send')).click();
    await page.locator(`${visible('disclosure-upload-file')}[data-phase="done"]`).waitFor({ timeout: 30_000 });
    await expect(page.locator(`${visible('upload-result-row')}[data-line="2"]`).getAttribute('data-status')).resolves.toBe('accepted');
    await expect(page.locator(`${visible('upload-result-row')}[data-line="3"]`).getAttribute('data-status')).resolves.toBe('rejected');
    await expect(page.locator(`${visible('upload-result-row')}[data-line="3"] [data-testid="upload-result-reason"]`).textContent()).resolves.toContain('罚款金额（万元）');
    await settle(page);
    await screenshot('disclosures-upload-results.png', { fullPage: true });
  });

  it('shows the credit centre the departments’ timeliness with a 12-month trend', async () => {
    for (const [name, viewport] of [['phone', undefined], ['desktop', { width: 1280, height: 800 }]] as const) {
      const admin = await launchBrowser(viewport ? { viewport, mobile: false } : {});
      try {
        await admin.page.goto(`${web()}/#/pages/login/index`);
        await admin.page.locator(visible('login-admin')).click();
        await admin.page.locator(visible('home')).waitFor({ timeout: 30_000 });
        await admin.page.goto(`${web()}/#/packages/admin/index/index`);
        await admin.page.locator(visible('entry-disclosure-timeliness')).click();
        await admin.page.locator(visible('timeliness-report')).waitFor({ timeout: 30_000 });
        const row = admin.page.locator(`${visible('timeliness-row')}[data-org="org-dept-market"]`);
        await row.waitFor({ timeout: 30_000 });
        await expect(row.textContent()).resolves.toContain('市场监督管理局');
        await expect(admin.page.locator(`${visible('timeliness-trend')} .cx-tl-rates__cell`).count()).resolves.toBe(12);
        await settle(admin.page);
        await admin.screenshot(`disclosures-timeliness-${name}.png`, { fullPage: true });
      } finally {
        await admin.close();
      }
    }
  });
});
