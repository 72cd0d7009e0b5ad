/**
 * Every role's main journey on the compiled mini program (client/dist/weapp, built for production
 * with an https API address), run headless in WeChat's component framework against the real app on
 * DynamoDB Local — the stack `npm start` runs, with a stand-in for WeChat's code2Session:
 *
 *   resident    wx.login → /api/auth/wechat, 实名认证, 我的信用 (100 分), 出示信用凭证 → 信易+ → the pass's QR
 *   merchant    扫码核验: the camera sees that pass → redeemed → 通过
 *   business    信易贷 → 诚信贷 → 申请 → submitted
 *   bank        审批 → that application with the credit report → 批准
 *   department  数据报送 → 报送一条记录 → accepted
 *   privacy     WeChat holds an API: the app's own sheet shows why; 同意 / 拒绝 answer WeChat
 *
 * Each phone is a fresh one (its own storage and app memory); staff arrive signed in (the weapp has
 * no demo sign-in, so their session comes from the local stage's dev-login). Each step asserts what
 * the page shows, the API calls it made and the navigations it asked WeChat for.
 */
import { qrDataUrl } from '../../client/src/packages/resident/incentive/qr';
import { TEST_WEAPP_API_BASE } from '../support/build-client';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { randomIdNumber } from '../support/people';
import { startStack, type RunningStack } from '../e2e/support/stack';
import { Phone } from './support/mini-program';

jest.setTimeout(120_000);

const TOKEN_KEY = 'cx.session.token';

let stack: RunningStack;
let wechat: FakeWechat;
let phone: Phone | undefined;

beforeAll(async () => {
  wechat = await startFakeWechat();
  stack = await startStack(200_000, { WECHAT_API_BASE: wechat.baseUrl, LOG_LEVEL: 'WARN' });
}, 240_000);

afterEach(async () => {
  phone?.close();
  phone = undefined;
  // Let callbacks already on their way (answers, timers) find the phone closed before the next one starts.
  await new Promise((r) => setTimeout(r, 200));
});

afterAll(async () => {
  await stack?.stop().catch(() => undefined);
  stack?.removeData();
  await wechat?.close();
});

/** A phone with the mini program on it, started at 首页 (signed in as `demoUser` when given). */
async function startPhone(demoUser?: string): Promise<Phone> {
  const storage: Record<string, unknown> = {};
  if (demoUser) {
    const res = await fetch(`${stack.apiUrl}/api/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: demoUser }),
    });
    expect(res.status).toBe(200);
    storage[TOKEN_KEY] = ((await res.json()) as { token: string }).token;
  }
  phone = new Phone({ apiBase: TEST_WEAPP_API_BASE, apiUrl: stack.apiUrl, storage });
  await phone.launch('/pages/index/index');
  await phone.idle();
  return phone;
}

const call = (p: Phone, method: string, path: string | RegExp) =>
  p.calls.find((c) => c.method === method && (typeof path === 'string' ? c.path === path : path.test(c.path)));

/** The resident's pass, shown on their phone and scanned by the merchant's. */
let shownPass: string | undefined;
/** The business's application, decided by the bank. */
let applicationId: string | undefined;

describe('resident', () => {
  it('signs in with WeChat, verifies their real name, sees 100 points and shows a 信易+ pass as a QR code', async () => {
    const p = await startPhone();
    const idNumber = randomIdNumber();

    // Signed out, 首页 opens as it is: no sign-in forced, no call with a session.
    await p.waitForPage('pages/index/index', '登录后查看我的信用');
    expect(p.takeNavigations()).toEqual([]);
    expect(p.calls.filter((c) => c.authorized)).toEqual([]);
    p.takeCalls();

    // 微信登录: WeChat's code goes to the API, which asks code2Session for the openid.
    await p.page.tap('微信登录');
    await p.waitForPage('pages/login/index', '微信一键登录');
    p.loginCode = `ok-weapp-${idNumber.slice(-6)}`;
    await p.page.tap('微信一键登录');
    await p.waitForPage('pages/index/index', '请先完成实名认证');
    await p.idle();
    expect(p.wxCalls).toContain('login');
    expect(wechat.calls.map((q) => q.get('js_code'))).toContain(p.loginCode);
    const login = call(p, 'POST', '/api/auth/wechat');
    expect(login).toMatchObject({ status: 200, requestBody: { code: p.loginCode }, authorized: false });
    expect(JSON.stringify(login?.responseBody)).not.toContain('SECRET-SESSION-KEY');
    expect(p.storageValue(TOKEN_KEY)).toBe((login?.responseBody as { token: string }).token);
    // Back to 首页, the page that asked for the sign-in, which loads again for the new session.
    expect(p.takeNavigations()).toEqual([
      { kind: 'navigateTo', url: '/pages/login/index' },
      { kind: 'navigateBack', url: '/pages/index/index' },
    ]);
    expect(p.takeCalls()).toEqual(expect.arrayContaining(['POST /api/auth/wechat', 'GET /api/me']));
    expect(p.page.text).toContain('微信用户');

    // 实名认证: name, ID number, the consent text opened and agreed, then verified.
    await p.page.tap('去实名认证');
    await p.waitForPage('packages/resident/real-name/index', '同意授权并认证');
    expect(p.takeCalls()).toEqual(expect.arrayContaining(['GET /api/consents/sensitive-pi', 'GET /api/me']));
    await p.page.type('与身份证一致的姓名', '赵小明');
    await p.page.type('18 位居民身份证号码', idNumber);
    await p.page.waitForText('号码格式正确');
    await p.page.tap(/^《.+》$/);
    await p.page.waitForText('暂不同意');
    await p.page.tap('我已阅读并同意', 'cx-consent__sheet');
    await p.waitFor(() => !p.page.text.includes('暂不同意'), 'the consent sheet to close');
    await p.page.tap('同意授权并认证');
    await p.page.waitForText('实名认证成功');
    const verified = call(p, 'POST', '/api/me/real-name');
    expect(verified).toMatchObject({ status: 200, requestBody: { name: '赵小明', idNumber, consent: true }, authorized: true });
    expect(p.page.text).toContain(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(p.page.text).not.toContain(idNumber);

    // Then 我的信用 (redirected, the form leaves the stack): a fresh resident's 100 points.
    await p.waitForPage('packages/resident/credit/index', '我的信用积分');
    await p.idle();
    expect(p.takeNavigations()).toEqual([
      { kind: 'navigateTo', url: '/packages/resident/real-name/index' },
      { kind: 'redirectTo', url: '/packages/resident/credit/index' },
    ]);
    expect(p.routes).toEqual(['pages/index/index', 'packages/resident/credit/index']);
    expect(p.takeCalls()).toEqual(expect.arrayContaining(['POST /api/me/real-name', 'GET /api/points/me', 'GET /api/points/me/trend']));
    await p.waitFor(() => p.page.textsOf('cx-credit__value').join() === '100', '100 points on 我的信用');

    // Back on 首页 the points card shows the same; 出示信用凭证 opens 信易+ with what they can use.
    await p.pressBack();
    await p.waitFor(() => p.page.textsOf('cx-points-card__value').join() === '100', 'the points card on 首页');
    p.takeNavigations();
    await p.page.tap('出示信用凭证');
    await p.waitForPage('pages/incentives/index', '博物馆免费参观');
    await p.idle();
    expect(p.takeNavigations()).toEqual([{ kind: 'switchTab', url: '/pages/incentives/index' }]);
    expect(p.takeCalls()).toContain('GET /api/incentives');
    const listed = (call(p, 'GET', '/api/incentives')?.responseBody as { items: Array<{ id: string; eligible?: boolean }> } | undefined)?.items ?? [];
    expect(listed.find((i) => i.id === 'museum-free-entry')?.eligible).toBe(true);

    // The scenario, then 出示凭证: a fresh pass as a QR code of exactly the pass text.
    await p.page.tap('博物馆免费参观');
    await p.waitForPage('packages/resident/incentive/index', '出示凭证');
    expect(p.takeNavigations()).toEqual([{ kind: 'navigateTo', url: '/packages/resident/incentive/index?id=museum-free-entry' }]);
    await p.page.tap('出示凭证');
    await p.waitFor(() => p.page.elements('image').some((i) => String(i.attrs.src).startsWith('data:image/gif;base64,')), 'the QR image');
    const issued = p.calls.filter((c) => c.method === 'POST' && c.path === '/api/incentives/museum-free-entry/passes');
    expect(issued.map((c) => c.status)).toEqual([201]);
    shownPass = (issued[0].responseBody as { pass: string }).pass;
    const qr = p.page.elements('image').find((i) => String(i.attrs.src).startsWith('data:image/gif'));
    expect(qr?.attrs.src).toBe(qrDataUrl(shownPass));
    // WeChat recognises the code on a long press; the screen stays on while it is shown.
    expect(qr?.attrs['show-menu-by-longpress']).toBe(true);
    expect(p.wxCalls).toContain('setKeepScreenOn(true)');
    // The pass text under the code, in groups of four for reading it out.
    expect(p.page.text).toContain(shownPass.slice(0, 4));
    expect(p.errors).toEqual([]);
  });
});

describe('merchant', () => {
  it('scans the resident’s pass, which redeems it, and sees 通过 with the masked name', async () => {
    expect(shownPass).toBeDefined();
    const p = await startPhone('mer-museum');
    await p.page.waitForText('信易+ 商户核验');
    p.takeCalls();

    // 扫码核验 opens the camera at once; it sees the resident's screen.
    p.scanResult = shownPass ?? null;
    await p.page.tap('扫码核验');
    await p.waitForPage('packages/merchant/verify/index', '通过');
    await p.idle();
    expect(p.takeNavigations()).toEqual([{ kind: 'navigateTo', url: '/packages/merchant/verify/index?scan=1' }]);
    expect(p.wxCalls).toContain('scanCode');
    const redeemed = call(p, 'POST', '/api/redemptions');
    expect(redeemed).toMatchObject({ status: 201, requestBody: { pass: shownPass }, authorized: true });
    expect(p.takeCalls().filter((c) => c.startsWith('POST '))).toEqual(['POST /api/redemptions']);

    expect(p.page.textsOf('cx-verdict__title')).toEqual(['通过']);
    expect(p.page.text).toContain('免费入馆，并赠送一次讲解服务');
    expect(p.page.textsOf('cx-verdict__value--big')).toEqual(['赵**']);
    expect(p.page.text).not.toContain('赵小明');
    expect(p.page.text).toContain('已登记核销');
    expect(p.errors).toEqual([]);
  });
});

describe('business', () => {
  it('opens 信易贷, a product it qualifies for, and applies', async () => {
    const p = await startPhone('ent-huaxin');
    await p.page.waitForText('郑州华信商贸有限公司');

    // The 信易贷 tab: the market, each product checked against this business's credit.
    await p.tapTab('信易贷');
    await p.page.waitForText('诚信贷');
    await p.idle();
    expect(p.takeCalls()).toEqual(expect.arrayContaining(['GET /api/loan-products']));
    await p.page.tap('诚信贷');
    await p.waitForPage('packages/enterprise/product/index', '公共信用综合评价');
    await p.idle();
    expect(p.takeNavigations()).toEqual([
      { kind: 'switchTab', url: '/pages/loans/index', byUser: true },
      { kind: 'navigateTo', url: '/packages/enterprise/product/index?id=zy-chengxin-dai' },
    ]);
    expect(p.takeCalls()).toContain('GET /api/loan-products/zy-chengxin-dai/eligibility');
    expect(p.page.text).toContain('中原银行郑州管城支行');
    expect(p.page.text).toContain('登记状态：存续');

    // 申请: amount, term and purpose, then 提交申请 → the application's own page.
    await p.page.tap('申请');
    await p.waitForPage('packages/enterprise/apply/index', '提交申请');
    await p.page.type('如 500000', '500000');
    await p.page.type('如 12', '12');
    await p.page.type('请说明贷款的具体用途', '采购原材料，支付上游货款');
    await p.page.tap('提交申请');
    await p.waitForPage('packages/enterprise/application/index', '已提交');
    await p.idle();
    const applied = call(p, 'POST', '/api/loan-applications');
    expect(applied).toMatchObject({
      status: 201,
      requestBody: { productId: 'zy-chengxin-dai', amount: 500000, termMonths: 12, purpose: '采购原材料，支付上游货款' },
    });
    applicationId = (applied?.responseBody as { id: string }).id;
    expect(p.takeNavigations()).toEqual([
      { kind: 'navigateTo', url: '/packages/enterprise/apply/index?id=zy-chengxin-dai' },
      { kind: 'redirectTo', url: `/packages/enterprise/application/index?id=${applicationId}` },
    ]);
    expect(p.toasts).toContain('申请已提交');
    expect(p.page.text).toContain('50 万元');
    expect(p.page.text).toContain('银行应于');
    expect(p.errors).toEqual([]);
  });
});

describe('bank', () => {
  it('finds the application in its queue, reads the credit report and approves', async () => {
    expect(applicationId).toBeDefined();
    const p = await startPhone('bank-zy');
    await p.page.tap('审批');
    await p.waitForPage('packages/bank/index/index', '信贷审批');
    await p.page.tap('审批');
    await p.waitForPage('packages/bank/queue/index', '郑州华信商贸有限公司');
    await p.idle();
    expect(p.takeCalls()).toEqual(expect.arrayContaining([expect.stringMatching(/^GET \/api\/loan-applications\?/)]));

    await p.page.tap('郑州华信商贸有限公司');
    await p.waitForPage('packages/bank/application/index', '企业信用报告');
    await p.idle();
    expect(p.takeNavigations()).toEqual([
      { kind: 'navigateTo', url: '/packages/bank/index/index' },
      { kind: 'navigateTo', url: '/packages/bank/queue/index' },
      { kind: 'navigateTo', url: `/packages/bank/application/index?id=${applicationId}` },
    ]);
    expect(p.takeCalls()).toEqual(
      expect.arrayContaining([`GET /api/loan-applications/${applicationId}`, `GET /api/loan-applications/${applicationId}/credit-report`]),
    );
    // The report the business authorised by applying: registry, tax grade, penalties.
    expect(p.page.text).toContain('法定代表人周*');
    expect(p.page.text).toContain('纳税信用等级');

    await p.page.tap('批准');
    await p.page.waitForText('批准这份申请？');
    await p.page.type('如：额度与期限按申请核定', '额度与期限按申请核定');
    await p.page.tap('确认批准');
    await p.page.waitForText('已批准');
    await p.idle();
    const decided = call(p, 'POST', `/api/loan-applications/${applicationId}/decision`);
    expect(decided).toMatchObject({ status: 200, requestBody: { decision: 'approve', reason: '额度与期限按申请核定' } });
    expect(p.page.text).toContain('审批意见额度与期限按申请核定');
    expect(p.takeNavigations()).toEqual([]);
    expect(p.errors).toEqual([]);
  });
});

describe('department', () => {
  it('submits one record in the workbench', async () => {
    const p = await startPhone('dept-market');
    const idNumber = randomIdNumber();
    await p.page.tap('数据报送');
    await p.waitForPage('packages/department/index/index', '报送一条记录');
    await p.page.tap('报送一条记录');
    await p.waitForPage('packages/department/submit/index', '提交报送');
    await p.idle();
    expect(p.takeNavigations()).toEqual([
      { kind: 'navigateTo', url: '/packages/department/index/index' },
      { kind: 'navigateTo', url: '/packages/department/submit/index' },
    ]);
    p.takeCalls();

    await p.page.type('18 位身份证号码', idNumber);
    await p.page.tap('行政处罚（轻微）');
    await p.page.waitForText('由规则确定，随记录一并报送');
    await p.page.type(/^如决定书文号/, '管市监罚〔2026〕12 号');
    await p.page.tap('提交报送');
    await p.page.waitForText('规则：行政处罚（轻微）');
    await p.idle();
    const sent = p.calls.filter((c) => c.method === 'POST');
    expect(sent.map((c) => [c.path, c.status])).toEqual([['/api/credit-records', 200]]);
    expect(sent[0].requestBody).toMatchObject({ records: [{ subjectType: 'person', subjectId: idNumber, ruleId: 'P-LAW-02' }] });
    // What the page shows of the person is masked.
    expect(p.page.text).toContain(`主体：${idNumber.slice(0, 4)}`);
    expect(p.page.text).not.toContain(idNumber);
    expect(p.takeNavigations()).toEqual([]);
    expect(p.errors).toEqual([]);
  });
});

describe('privacy', () => {
  it('answers WeChat’s privacy check with the app’s own sheet: 同意 lets the held API go on, 拒绝 does not', async () => {
    const p = await startPhone();
    await p.page.waitForText('登录后查看我的信用');

    // WeChat holds the clipboard: the sheet says what for; 同意 is WeChat's own agree button.
    const clipboard = p.askPrivacy('setClipboardData');
    await p.page.waitForText('用户隐私保护提示');
    expect(clipboard.exposed()).toBe(true);
    expect(p.page.text).toContain('复制凭证码、邀请码或信用报告需要使用剪贴板。');
    // WeChat counts only a tap on an open-type="agreePrivacyAuthorization" button, by its id.
    const agree = p.page.elements('button').find(({ el }) => el.textContent?.trim() === '同意');
    expect(agree?.attrs).toMatchObject({ 'open-type': 'agreePrivacyAuthorization', uid: 'agree-btn' });
    await p.page.tap('同意', 'cx-privacy');
    await expect(clipboard.answer).resolves.toEqual({ buttonId: 'agree-btn', event: 'agree' });
    await p.waitFor(() => !p.page.text.includes('用户隐私保护提示'), 'the sheet to close');

    // The camera, refused: the held API fails and the page stays usable.
    const camera = p.askPrivacy('scanCode');
    await p.page.waitForText('扫码核验或扫描邀请二维码需要使用摄像头。');
    await p.page.tap('拒绝', 'cx-privacy');
    await expect(camera.answer).resolves.toEqual({ event: 'disagree' });
    await p.waitFor(() => !p.page.text.includes('用户隐私保护提示'), 'the sheet to close');

    // The guidelines it links to, inside the app.
    p.askPrivacy('login');
    await p.page.tap('《诚信管城用户隐私保护指引》');
    await p.waitForPage('packages/public/privacy/index', '身份证');
    expect(p.takeNavigations()).toEqual([{ kind: 'navigateTo', url: '/packages/public/privacy/index' }]);
    expect(p.page.text).toContain('剪贴板');
    expect(p.page.text).toContain('摄像头');
    expect(p.calls.filter((c) => c.authorized)).toEqual([]);
    expect(p.errors).toEqual([]);
  });
});

describe('the simulated WeChat', () => {
  // The journeys above are only as strict as the harness: it refuses what WeChat refuses.
  it('refuses navigateTo a tab page, an 11th page, an unknown page and a request to a host that is not the API', async () => {
    const p = await startPhone();
    const wx = (globalThis as unknown as { wx: Record<string, (o: object) => void> }).wx;
    const outcome = (api: string, o: object) =>
      new Promise<string>((resolve) => wx[api]({ ...o, success: () => resolve('ok'), fail: (e: { errMsg: string }) => resolve(e.errMsg) }));

    expect(await outcome('navigateTo', { url: '/pages/loans/index' })).toBe('navigateTo:fail can not navigateTo a tabbar page');
    expect(await outcome('switchTab', { url: '/packages/public/verify/index' })).toBe('switchTab:fail can not switch to no-tabBar page');
    expect(await outcome('navigateTo', { url: '/packages/nowhere/index' })).toBe('navigateTo:fail page "packages/nowhere/index" is not found');
    for (let i = 1; i < 10; i++) expect(await outcome('navigateTo', { url: '/packages/public/measures/index' })).toBe('ok');
    expect(p.routes).toHaveLength(10);
    expect(await outcome('navigateTo', { url: '/packages/public/measures/index' })).toBe('navigateTo:fail webview count limit exceed');

    expect(await outcome('request', { url: 'https://elsewhere.example.com/api/health', method: 'GET' })).toBe('request:fail url not in domain list');
    expect(p.errors).toEqual(['request to a host outside the request domain: GET https://elsewhere.example.com/api/health']);
    p.errors.length = 0;
  });
});
