/**
 * The department workbench in a real browser. The market regulator's clerk (dept-market) signs in,
 * opens 数据报送 on 首页 and lands on 部门工作台. In 报送一条记录 a mistyped ID number is flagged as it
 * is typed; a person's 行政处罚（一般） is sent and 已接收; the same record again, with the same
 * 来源编号, is 重复记录. In 批量上传 a CSV file of four records (one with a wrong check character)
 * is picked through the browser's file chooser, sent, and answered line by line: 3 已接收, 1 被拒绝
 * with its line number and reason, and 只看被拒绝 leaves that one. 已报送记录 lists every record
 * sent, each 待本人注册 (nobody signed up with those ID numbers), next to the seeded record of 李娜,
 * who did (已生效). The ID numbers are made up, registered for the privacy sweep, and never appear in
 * full on a screen or in what the stack printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomInt, randomUUID } from 'node:crypto';
import type { Locator, Page, Request } from 'playwright-core';
import { idCheckChar, maskIdNumber } from '../../functions/shared/domain/identifiers';
import { registerIdNumber } from '../support/privacy-run';
import { launchBrowser, settle, type Browser } from './support/browser';
import { startStack, type RunningStack } from './support/stack';
import { need, visible } from './support/selectors';

jest.setTimeout(240_000);

let stack: RunningStack | undefined;
let clerk: Browser | undefined;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-e2e-dept-'));

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

/** The first 17 characters of a made-up ID number of someone born in 管城回族区 (410104). */
function idBody(): string {
  const y = 1960 + randomInt(40);
  const m = String(1 + randomInt(12)).padStart(2, '0');
  const d = String(1 + randomInt(28)).padStart(2, '0');
  return `410104${y}${m}${d}${String(randomInt(1000)).padStart(3, '0')}`;
}

/** A valid made-up ID number, registered so the privacy sweep looks for it everywhere. */
function newIdNumber(): string {
  const body = idBody();
  const id = body + idCheckChar(body);
  registerIdNumber(id);
  return id;
}

/** A made-up ID number with a wrong check character (registered too: it must not leak either). */
function wrongCheckIdNumber(): string {
  const body = idBody();
  const id = body + (idCheckChar(body) === '0' ? '1' : '0');
  registerIdNumber(id);
  return id;
}

const PERSON = newIdNumber();
const UPLOADED = [newIdNumber(), newIdNumber(), newIdNumber()];
const UPLOADED_WRONG = wrongCheckIdNumber();
const ALL_IDS = [PERSON, ...UPLOADED, UPLOADED_WRONG];

/** The day, in China, `days` ago: `YYYY-MM-DD`. */
const chinaDay = (days: number) => new Date(Date.now() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);

const RUN = randomUUID().slice(0, 8).toUpperCase();
const FILE_SOURCES = [1, 2, 3, 4].map((n) => `E2E-${RUN}-${n}`);
const FILE_DAY = chinaDay(3);
/** Header, then records on lines 2–5; line 4 carries the wrong check character. */
const CSV = [
  'sourceId,subjectType,subjectId,ruleId,occurredAt,severity,note',
  `${FILE_SOURCES[0]},person,${UPLOADED[0]},P-LAW-02,${FILE_DAY},light,管市监罚〔2026〕101号`,
  `${FILE_SOURCES[1]},个人,${UPLOADED[1]},P-LAW-03,${FILE_DAY},一般,"管市监罚〔2026〕102号, 罚款 500 元"`,
  `${FILE_SOURCES[2]},person,${UPLOADED_WRONG},P-LAW-03,${FILE_DAY},general,管市监罚〔2026〕103号`,
  `${FILE_SOURCES[3]},person,${UPLOADED[2]},P-ETH-03,${FILE_DAY},general,管市监许〔2026〕104号`,
].join('\r\n');

/** Filled in as the journey goes. */
let singleSource = '';

/** Waits until the element says `text` (a locator's textContent() does not wait for a change). */
async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
  await expect(locator.first().textContent()).resolves.toContain(text);
}

/** The full text of the visible page, to check that no ID number shows in full. */
const pageText = (page: Page) => page.locator('.taro_page:visible').last().innerText();

function expectNoFullIdNumber(text: string): void {
  for (const id of ALL_IDS) expect(text).not.toContain(id);
}

/** The next POST /api/credit-records this page sends. */
const submission = (page: Page): Promise<Request> =>
  page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/credit-records'), { timeout: 30_000 });

describe('部门工作台: dept-market reports credit records', () => {
  it('signs in; 首页 → 数据报送 opens 部门工作台 with the department’s name, shortcuts and rules', async () => {
    const { page, screenshot } = need(clerk, 'the clerk’s browser');
    await page.goto(`${web()}/#/pages/login/index`);
    await page.locator(visible('login-dept-market')).click();
    await page.locator(visible('home')).waitFor({ timeout: 30_000 });
    await page.locator(visible('entry-department')).click();
    await page.locator(visible('dept-home')).waitFor({ timeout: 30_000 });
    expect(page.url()).toContain('#/packages/department/index/index');
    await expect(page.locator(visible('dept-title')).textContent()).resolves.toBe('部门工作台');
    await expect(page.locator(visible('dept-org')).textContent()).resolves.toBe('管城回族区市场监督管理局 · 冯涛');
    await expectText(page.locator(visible('dept-rules-count')), '报送时只能选择这些规则');
    await expect(page.locator(visible('dept-rules-count')).textContent()).resolves.toMatch(/^共 \d+ 条：个人 [1-9]\d* 条 · 企业 \d+ 条/);
    await expect(page.locator(visible('dept-suspended')).count()).resolves.toBe(0);
    for (const entry of ['dept-entry-submit', 'dept-entry-upload', 'dept-entry-records', 'dept-queue-objection', 'dept-queue-repair']) {
      await expect(page.locator(visible(entry)).count()).resolves.toBe(1);
    }
    await settle(page);
    await screenshot('department-home.png', { fullPage: true });
  });

  it('报送一条记录: the ID number is checked as it is typed; a person’s 行政处罚（一般） is 已接收', async () => {
    const { page, screenshot } = need(clerk, 'the clerk’s browser');
    await page.locator(visible('dept-entry-submit')).click();
    await page.locator(visible('submit-form')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('dept-title')).textContent()).resolves.toBe('报送一条记录');

    const subject = page.locator(`${visible('submit-subject')} input`);
    const wrong = PERSON.slice(0, 17) + (PERSON[17] === '0' ? '1' : '0');
    const hint = page.locator(visible('submit-subject-msg'));
    await subject.fill(wrong);
    await expectText(hint, '校验位');
    await expect(hint.getAttribute('data-tone')).resolves.toBe('error');
    await subject.fill(PERSON);
    await expectText(hint, `号码校验通过，记录中仅显示为 ${maskIdNumber(PERSON)}`);
    await expect(hint.getAttribute('data-tone')).resolves.toBe('ok');

    // Only this department's person rules are offered.
    const options = page.locator(visible('rule-option'));
    await options.first().waitFor({ timeout: 30_000 });
    const offered = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')));
    expect(offered).toEqual(expect.arrayContaining(['P-LAW-02', 'P-LAW-03', 'P-LAW-04']));
    expect(offered.every((id) => id?.startsWith('P-'))).toBe(true);
    expect(offered).not.toContain('P-VIR-01');
    await page.locator(`${visible('rule-option')}[data-rule-id="P-LAW-03"]`).click();
    await expectText(page.locator(visible('submit-severity')), '一般');
    await expect(page.locator(visible('submit-day-value')).textContent()).resolves.toBe(chinaDay(0));
    await page.locator(`${visible('submit-note')} textarea`).fill('管市监罚〔2026〕88号');
    singleSource = await page.locator(`${visible('submit-source')} input`).inputValue();
    expect(singleSource).toMatch(/^DEPT-MARKET-\d{8}-\d{6}-[0-9A-Z]{4}$/);
    await settle(page);
    await screenshot('department-submit-form.png', { fullPage: true });

    const sent = submission(page);
    await page.locator(visible('submit-send')).click();
    const request = await sent;
    expect(request.postDataJSON()).toEqual({
      records: [
        {
          sourceId: singleSource,
          subjectType: 'person',
          subjectId: PERSON,
          ruleId: 'P-LAW-03',
          occurredAt: `${chinaDay(0)}T00:00:00+08:00`,
          severity: 'general',
          note: '管市监罚〔2026〕88号',
        },
      ],
    });
    const result = page.locator(visible('submit-result'));
    await result.waitFor({ timeout: 30_000 });
    await expect(result.getAttribute('data-outcome')).resolves.toBe('accepted');
    await expect(page.locator(visible('submit-result-title')).textContent()).resolves.toBe('已接收');
    await expect(result.textContent()).resolves.toContain(`主体：${maskIdNumber(PERSON)}`);
    await expect(result.textContent()).resolves.toContain(`来源编号：${singleSource}`);
    expectNoFullIdNumber(await pageText(page));
    await settle(page);
    await screenshot('department-submit-accepted.png', { fullPage: true });
  });

  it('the same record again with the same 来源编号 is 重复记录, not a second record', async () => {
    const { page, screenshot } = need(clerk, 'the clerk’s browser');
    await page.locator(visible('submit-next')).click();
    await page.locator(visible('submit-form')).waitFor({ timeout: 30_000 });
    // 再报送一条 starts afresh with a new source id.
    await expect(page.locator(`${visible('submit-subject')} input`).inputValue()).resolves.toBe('');
    await expect(page.locator(`${visible('submit-source')} input`).inputValue()).resolves.not.toBe(singleSource);

    await page.locator(`${visible('submit-subject')} input`).fill(PERSON);
    await page.locator(`${visible('rule-option')}[data-rule-id="P-LAW-03"]`).click();
    await page.locator(`${visible('submit-source')} input`).fill(singleSource);
    const sent = submission(page);
    await page.locator(visible('submit-send')).click();
    expect((await sent).postDataJSON()).toMatchObject({ records: [{ sourceId: singleSource, subjectId: PERSON }] });
    const result = page.locator(visible('submit-result'));
    await result.waitFor({ timeout: 30_000 });
    await expect(result.getAttribute('data-outcome')).resolves.toBe('duplicate');
    await expect(page.locator(visible('submit-result-title')).textContent()).resolves.toBe('重复记录');
    await expect(page.locator(visible('submit-result-text')).textContent()).resolves.toContain(`来源编号 ${singleSource} 此前已报送过，本次未重复记录`);
    await settle(page);
    await screenshot('department-submit-duplicate.png', { fullPage: true });
  });

  it('批量上传: a CSV of 4 records is checked, sent, and answered line by line (3 accepted, line 4 rejected)', async () => {
    const { page, screenshot } = need(clerk, 'the clerk’s browser');
    await page.goBack();
    await page.locator(visible('dept-home')).waitFor({ timeout: 30_000 });
    await page.locator(visible('dept-entry-upload')).click();
    await page.locator(visible('upload-start')).waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot('department-upload-start.png', { fullPage: true });

    const file = path.join(workDir, '市场监管处罚-本周.csv');
    fs.writeFileSync(file, `\uFEFF${CSV}\r\n`, 'utf8');
    // The page asks through a hidden <input type=file>; the browser's chooser gets the file.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 30_000 }), page.locator(visible('upload-choose')).click()]);
    await chooser.setFiles(file);

    const upload = page.locator(visible('upload-file'));
    await upload.waitFor({ timeout: 30_000 });
    await expect(upload.getAttribute('data-phase')).resolves.toBe('ready');
    await expect(page.locator(visible('upload-file-name')).textContent()).resolves.toBe('市场监管处罚-本周.csv');
    await expect(page.locator(visible('upload-check-text')).textContent()).resolves.toBe('共读取 4 条记录，将分 1 批报送。');
    await expect(page.locator(visible('upload-send')).textContent()).resolves.toContain('开始上传（4 条）');
    await settle(page);
    await screenshot('department-upload-ready.png', { fullPage: true });

    const sent = submission(page);
    await page.locator(visible('upload-send')).click();
    const request = await sent;
    const records = (request.postDataJSON() as { records: Array<Record<string, string>> }).records;
    expect(records.map((r) => r.sourceId)).toEqual(FILE_SOURCES);
    // 个人 / 一般 as Excel users write them are sent as the API's words.
    expect(records[1]).toMatchObject({ subjectType: 'person', severity: 'general', note: '管市监罚〔2026〕102号, 罚款 500 元' });

    await page.locator(`${visible('upload-file')}[data-phase="done"]`).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('upload-progress-text')).textContent()).resolves.toBe('已发送 1 / 1 批 · 已处理 4 / 4 条记录');
    await expect(page.locator('[data-testid="upload-progress"]:visible [role="progressbar"]').getAttribute('aria-valuenow')).resolves.toBe('4');
    await expect(page.locator(visible('upload-progress-fill')).evaluate((el) => (el as unknown as { style: { width: string } }).style.width)).resolves.toBe('100%');
    await expect(page.locator(visible('upload-summary-accepted')).textContent()).resolves.toBe('3');
    await expect(page.locator(visible('upload-summary-duplicates')).textContent()).resolves.toBe('0');
    await expect(page.locator(visible('upload-summary-rejected')).textContent()).resolves.toBe('1');

    const rows = page.locator(visible('upload-result-row'));
    await expect(rows.count()).resolves.toBe(4);
    const table = await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-line'), e.getAttribute('data-status')]));
    expect(table).toEqual([
      ['2', 'accepted'],
      ['3', 'accepted'],
      ['4', 'rejected'],
      ['5', 'accepted'],
    ]);
    const rejected = page.locator(`${visible('upload-result-row')}[data-line="4"]`);
    await expect(rejected.locator('[data-testid="upload-result-status"]').textContent()).resolves.toBe('被拒绝');
    await expect(rejected.locator('[data-testid="upload-result-reason"]').textContent()).resolves.toContain('身份证号码校验位不正确');
    await expect(rejected.locator('[data-testid="upload-result-source"]').textContent()).resolves.toBe(FILE_SOURCES[2]);
    await expect(rejected.locator('[data-testid="upload-result-subject"]').textContent()).resolves.toBe(maskIdNumber(UPLOADED_WRONG));
    await expect(page.locator(`${visible('upload-result-row')}[data-line="2"] [data-testid="upload-result-status"]`).textContent()).resolves.toBe('已接收');
    expectNoFullIdNumber(await pageText(page));
    // The 上传完成 toast goes by itself: wait it out so it does not cover the screenshot.
    await page.getByText('上传完成', { exact: true }).waitFor({ state: 'hidden', timeout: 30_000 });
    await settle(page);
    await screenshot('department-upload-done.png', { fullPage: true });

    await page.locator(visible('upload-filter-rejected')).click();
    await expect(page.locator(visible('upload-filter-rejected')).textContent()).resolves.toBe('只看被拒绝 1');
    await page.locator(`${visible('upload-result-row')}[data-line="2"]`).waitFor({ state: 'detached', timeout: 30_000 });
    const only = await page.locator(visible('upload-result-row')).evaluateAll((els) => els.map((e) => e.getAttribute('data-line')));
    expect(only).toEqual(['4']);
    await settle(page);
    await screenshot('department-upload-rejected-only.png', { fullPage: true });
  });

  it('已报送记录 lists what was sent, newest first: each 待本人注册, beside 李娜’s 已生效 seed record', async () => {
    const { page, screenshot } = need(clerk, 'the clerk’s browser');
    await page.locator(visible('upload-to-records')).click();
    await page.locator(visible('records-list')).waitFor({ timeout: 30_000 });
    await expect(page.locator(visible('dept-title')).textContent()).resolves.toBe('已报送记录');

    const item = (source: string) => page.locator(visible('record-item')).filter({ hasText: `来源编号：${source}` });
    const expected: Array<[string, string, string, string]> = [
      [FILE_SOURCES[0], UPLOADED[0], '行政处罚（轻微）', '−2'],
      [FILE_SOURCES[1], UPLOADED[1], '行政处罚（一般）', '−8'],
      [FILE_SOURCES[3], UPLOADED[2], '提供虚假材料骗取行政许可', '−10'],
      [singleSource, PERSON, '行政处罚（一般）', '−8'],
    ];
    for (const [source, id, title, points] of expected) {
      const card = item(source);
      await expect(card.count()).resolves.toBe(1);
      await expect(card.getAttribute('data-state')).resolves.toBe('waiting');
      await expect(card.locator('[data-testid="record-state"]').textContent()).resolves.toBe('待本人注册');
      await expect(card.locator('[data-testid="record-title"]').textContent()).resolves.toBe(title);
      await expect(card.locator('[data-testid="record-points"]').textContent()).resolves.toBe(points);
      await expect(card.locator('[data-testid="record-subject"]').textContent()).resolves.toBe(`个人：${maskIdNumber(id)}`);
      await expect(card.textContent()).resolves.toContain('当事人尚未注册，注册后自动生效');
    }
    await expect(item(FILE_SOURCES[0]).textContent()).resolves.toContain(`发生：${FILE_DAY}`);
    // The rejected line and the duplicate made no records.
    await expect(item(FILE_SOURCES[2]).count()).resolves.toBe(0);
    await expect(page.locator(visible('record-item')).filter({ hasText: `来源编号：${singleSource}` }).count()).resolves.toBe(1);

    // 李娜 is signed up: the seeded penalty counts.
    const seeded = item('DEMO-LN-01');
    await expect(seeded.getAttribute('data-state')).resolves.toBe('attached');
    await expect(seeded.locator('[data-testid="record-state"]').textContent()).resolves.toBe('已生效');

    // Newest first: the file's records were received after the single one, which precedes the seed.
    const order = await page.locator(visible('record-item')).evaluateAll((els) => els.map((e) => /来源编号：([0-9A-Za-z_.:\-/]+)/.exec(e.textContent ?? '')?.[1]));
    expect(order.indexOf(singleSource)).toBeGreaterThan(Math.max(...[0, 1, 3].map((i) => order.indexOf(FILE_SOURCES[i]))));
    expect(order.indexOf('DEMO-LN-01')).toBeGreaterThan(order.indexOf(singleSource));

    expectNoFullIdNumber(await pageText(page));
    await settle(page);
    await screenshot('department-records.png', { fullPage: true });
  });

  it('the stack printed none of the ID numbers, valid or not', () => {
    const printed = need(stack, 'the stack').output();
    expect(printed).toContain('诚信管城 is ready');
    for (const id of ALL_IDS) expect(printed).not.toContain(id.slice(0, 17));
  });
});
