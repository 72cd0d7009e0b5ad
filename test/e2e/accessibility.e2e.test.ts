/**
 * Accessibility in a real browser: axe-core (WCAG 2.1 A/AA and best-practice rules) runs over the
 * main screens of every role at 375 px — signed out (sign-in, 首页, 信易贷, 报告核验), the resident
 * (首页, 我的信用, 信易+ and a scenario, the pass), the merchant's 核验, the business's 信易贷
 * market, product and application form, the bank's queue and review, the department workbench
 * and the centre's console — and finds no serious or critical violation (moderate and minor ones
 * are printed). Then 大字模式 on the same kinds of screens: nothing runs wider than the phone, and
 * the screenshots are kept to be looked at.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { launchBrowser, settle, tab, type Browser } from './support/browser';
import { startStack, type RunningStack } from './support/stack';
import { need, visible } from './support/selectors';

jest.setTimeout(240_000);

let stack: RunningStack | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  stack = await startStack();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop().catch(() => undefined);
  stack?.removeData();
});

const web = () => need(stack, 'the stack').webUrl;

/** A fresh phone for each role, so no session carries over. */
async function freshBrowser(): Promise<Browser> {
  await browser?.close();
  browser = await launchBrowser();
  return browser;
}

async function signIn(page: Page, userId: string): Promise<void> {
  await page.goto(`${web()}/#/pages/login/index`);
  await page.locator(visible(`login-${userId}`)).click();
  await page.locator(visible('home')).waitFor({ timeout: 30_000 });
}

/** Opens a page as a fresh load (a hash change alone sometimes leaves Taro's router where it was). */
async function visit(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(`${web()}/${path}`);
  await page.reload();
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
}

async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${need(stack, 'the stack').apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const tokenOf = async (userId: string) => (await api<{ token: string }>('POST', '/api/auth/dev-login', { userId })).body.token;

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe over what the page shows (Taro keeps earlier pages in the DOM, hidden: axe skips
 * hidden content), keeps a screenshot, prints the moderate and minor findings and returns the
 * serious and critical ones.
 */
async function audit(b: Browser, screen: string): Promise<Finding[]> {
  await settle(b.page);
  await b.screenshot(`a11y-${screen}.png`, { fullPage: true });
  const results = await new AxeBuilder({ page: b.page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const findings = results.violations.map((v) => ({
    screen,
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
  const minor = findings.filter((f) => !BLOCKING.has(f.impact));
  if (minor.length > 0) {
    console.log(`axe, ${screen} (moderate/minor):\n${minor.map((f) => `  ${f.impact} ${f.rule}: ${f.help} — ${f.targets.join(', ')}`).join('\n')}`);
  }
  return findings.filter((f) => BLOCKING.has(f.impact));
}

const describeFindings = (findings: Finding[]) =>
  findings.map((f) => `${f.screen}: ${f.impact} ${f.rule} (${f.help}) at ${f.targets.join(' | ')}`).join('\n');

/** Serious and critical findings of the current test, asserted at its end so one run shows them all. */
let blocking: Finding[] = [];
beforeEach(() => {
  blocking = [];
});
afterEach(() => {
  expect(describeFindings(blocking)).toBe('');
});

async function expectAccessible(b: Browser, screen: string): Promise<void> {
  blocking.push(...(await audit(b, screen)));
}

describe('axe-core finds no serious or critical violation on the main screens (375 px)', () => {
  it('signed out: sign-in, 首页, 信易贷 and 报告核验', async () => {
    const b = await freshBrowser();
    await visit(b.page, '#/pages/login/index', visible('login-res-zhang'));
    await expectAccessible(b, 'login');
    await visit(b.page, '#/pages/index/index', '[data-testid="page-root"]:visible');
    await expectAccessible(b, 'home-signed-out');
    await visit(b.page, '#/pages/loans/index', visible('product-card'));
    await expectAccessible(b, 'loans-signed-out');
    await visit(b.page, '#/packages/public/verify/index', visible('verify-page'));
    await expectAccessible(b, 'report-verify');
  });

  it('the resident: 首页, 我的, 我的信用, 信易+, a scenario and its pass', async () => {
    const b = await freshBrowser();
    const { page } = b;
    await signIn(page, 'res-zhang');
    await page.locator(visible('points-value')).waitFor({ timeout: 30_000 });
    await expectAccessible(b, 'resident-home');
    await tab(page, '我的').click();
    await page.locator(visible('mine-name')).waitFor({ timeout: 30_000 });
    await expectAccessible(b, 'resident-mine');
    await visit(page, '#/packages/resident/credit/index', visible('credit-page'));
    await page.locator(visible('event-item')).first().waitFor({ timeout: 30_000 });
    await expectAccessible(b, 'resident-credit');
    await visit(page, '#/pages/incentives/index', visible('incentive-card'));
    await expectAccessible(b, 'resident-incentives');
    await visit(page, '#/packages/resident/incentive/index?id=museum-free-entry', visible('scenario-details'));
    await expectAccessible(b, 'resident-scenario');
    await page.locator(visible('show-pass')).click();
    await page.locator(visible('pass-text')).waitFor({ timeout: 30_000 });
    await expectAccessible(b, 'resident-pass');
  });

  it('the merchant: home and 核验', async () => {
    const b = await freshBrowser();
    await signIn(b.page, 'mer-museum');
    await visit(b.page, '#/packages/merchant/index/index', visible('merchant-home'));
    await expectAccessible(b, 'merchant-home');
    await visit(b.page, '#/packages/merchant/verify/index', visible('verify-page'));
    await expectAccessible(b, 'merchant-verify');
  });

  it('the business: 信易贷 market, a product and the application form', async () => {
    const b = await freshBrowser();
    await signIn(b.page, 'ent-huaxin');
    await visit(b.page, '#/pages/loans/index', `${visible('product-card')} [data-testid="product-eligibility"]`);
    await expectAccessible(b, 'business-market');
    await visit(b.page, '#/packages/enterprise/product/index?id=zy-chengxin-dai', visible('criteria'));
    await expectAccessible(b, 'business-product');
    await visit(b.page, '#/packages/enterprise/apply/index?id=zy-chengxin-dai', visible('apply-page'));
    await expectAccessible(b, 'business-apply');
  });

  it('the bank: its queue and the review of an application with the credit report', async () => {
    const submitted = await api<{ id: string }>(
      'POST',
      '/api/loan-applications',
      { productId: 'zy-chengxin-dai', amount: 300_000, termMonths: 12, purpose: '采购原材料，支付上游供应商货款' },
      await tokenOf('ent-huaxin'),
      { 'Idempotency-Key': 'a11y-huaxin-1' },
    );
    expect(submitted.status).toBe(201);
    const b = await freshBrowser();
    await signIn(b.page, 'bank-zy');
    await visit(b.page, '#/packages/bank/queue/index', visible('application-card'));
    await expectAccessible(b, 'bank-queue');
    await visit(b.page, `#/packages/bank/application/index?id=${encodeURIComponent(submitted.body.id)}`, visible('credit-report'));
    await expectAccessible(b, 'bank-review');
  });

  it('the department workbench and the centre’s console', async () => {
    let b = await freshBrowser();
    await signIn(b.page, 'dept-market');
    await visit(b.page, '#/packages/department/index/index', visible('dept-rules-count'));
    await expectAccessible(b, 'department-workbench');
    b = await freshBrowser();
    await signIn(b.page, 'admin');
    await visit(b.page, '#/packages/admin/index/index', visible('dashboard-tiers'));
    await expectAccessible(b, 'console-home');
  });
});

// Runs in the page: the focused element's test id and its focus ring.
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el) return { testId: null, role: null, outline: 'none', width: 0 };
  const style = getComputedStyle(el);
  return { testId: el.getAttribute('data-testid'), role: el.getAttribute('role'), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
})()`;

describe('the keyboard alone', () => {
  it('tabs to a demo identity on the sign-in page, shows where it is, and signs in with Enter', async () => {
    const b = await freshBrowser();
    const { page } = b;
    await visit(page, '#/pages/login/index', visible('login-res-zhang'));
    await settle(page);
    let focused = { testId: null as string | null, role: null as string | null, outline: 'none', width: 0 };
    for (let i = 0; i < 40 && focused.testId !== 'login-res-zhang'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate<typeof focused>(FOCUSED);
    }
    expect(focused).toEqual({ testId: 'login-res-zhang', role: 'button', outline: 'solid', width: expect.any(Number) });
    expect(focused.width).toBeGreaterThan(1);
    await b.screenshot('a11y-keyboard-focus.png');
    await page.keyboard.press('Enter');
    await page.locator(visible('points-value')).waitFor({ timeout: 30_000 });
  });
});

// Runs in the page (as a string: the Node tsconfig has no DOM types): elements of the visible page
// that reach past the right edge of a 375 px phone, by their class names and text.
const OVERFLOWING = `(() => {
  const page = Array.from(document.querySelectorAll('.taro_page')).find((p) => getComputedStyle(p).display !== 'none');
  if (!page) return ['no visible page'];
  const width = document.documentElement.clientWidth;
  const out = [];
  if (page.scrollWidth > page.clientWidth + 1) out.push('the page scrolls sideways (' + page.scrollWidth + ' > ' + page.clientWidth + ')');
  for (const el of page.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > width + 1) out.push((el.className || el.tagName) + ' ends at ' + Math.round(r.right) + ': ' + (el.textContent || '').slice(0, 30));
    if (out.length > 10) break;
  }
  return out;
})()`;

async function expectFits(b: Browser, screen: string): Promise<void> {
  await settle(b.page);
  await b.screenshot(`a11y-large-${screen}.png`);
  expect({ screen, overflowing: await b.page.evaluate<string[]>(OVERFLOWING) }).toEqual({ screen, overflowing: [] });
}

describe('大字模式 keeps the main screens within a 375 px phone', () => {
  it('the resident’s and the business’s screens, large', async () => {
    const b = await freshBrowser();
    const { page } = b;
    await signIn(page, 'res-zhang');
    await tab(page, '我的').click();
    await page.locator(visible('large-font-switch')).click();
    await page.locator('[data-testid="page-root"].cx-page--large:visible').first().waitFor();
    await expectFits(b, 'resident-mine');
    await visit(page, '#/pages/index/index', visible('points-value'));
    await expectFits(b, 'resident-home');
    await visit(page, '#/packages/resident/credit/index', visible('event-item'));
    await expectFits(b, 'resident-credit');
    await visit(page, '#/pages/incentives/index', visible('incentive-card'));
    await expectFits(b, 'resident-incentives');
    await visit(page, '#/packages/resident/incentive/index?id=museum-free-entry', visible('scenario-details'));
    await expectFits(b, 'resident-scenario');
    await visit(page, '#/pages/loans/index', visible('product-card'));
    await expectFits(b, 'loans-market');
    await visit(page, '#/packages/enterprise/product/index?id=zy-chengxin-dai', '[data-testid="page-root"]:visible');
    await expectFits(b, 'loans-product');
    await visit(page, '#/packages/public/verify/index', visible('verify-page'));
    await expectFits(b, 'report-verify');
  });

  it('the merchant’s 核验, the bank’s queue, the workbench and the console, large', async () => {
    const screens: [string, string, string, string][] = [
      ['mer-museum', 'merchant-verify', '#/packages/merchant/verify/index', visible('verify-page')],
      ['bank-zy', 'bank-queue', '#/packages/bank/queue/index', visible('queue-page')],
      ['dept-market', 'department-workbench', '#/packages/department/index/index', visible('dept-rules-count')],
      ['admin', 'console-home', '#/packages/admin/index/index', visible('dashboard-tiers')],
    ];
    for (const [userId, screen, path, ready] of screens) {
      const b = await freshBrowser();
      await signIn(b.page, userId);
      await visit(b.page, '#/pages/mine/index', visible('large-font-switch'));
      await b.page.locator(visible('large-font-switch')).click();
      await b.page.locator('[data-testid="page-root"].cx-page--large:visible').first().waitFor();
      await visit(b.page, path, ready);
      await expectFits(b, screen);
    }
  });
});
