import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RealNamePage from '../../client/src/packages/resident/real-name';
import { clearSession, saveToken } from '../../client/src/services/session';
import { SENSITIVE_PI_CONSENT } from '../../functions/identity/consent-documents';
import { idCheckChar } from '../../functions/shared/domain/identifiers';
import { storageSnapshot } from './stubs/taro';
import { fail, fakeApi, ok, ZHANG_ME, type FakeResponse } from './support/fake-api';

const VALID_ID = (() => {
  const first17 = '41010419900307123';
  return first17 + idCheckChar(first17);
})();
// A valid number whose check character is X, to type with a lower-case x.
const VALID_X_ID = (() => {
  for (let n = 100; n < 999; n++) {
    const first17 = `41010419850611${n}`;
    if (idCheckChar(first17) === 'X') return `${first17}X`;
  }
  throw new Error('no X check character found');
})();
const WRONG_CHECK_ID = VALID_ID.slice(0, 17) + (VALID_ID[17] === '0' ? '1' : '0');

const UNVERIFIED = { user: { ...ZHANG_ME.user, name: '王芳', realNameVerified: false, maskedIdNumber: undefined } };
// The server's document (the one source of the text and its version).
const CONSENT = { type: SENSITIVE_PI_CONSENT.type, version: SENSITIVE_PI_CONSENT.version, title: SENSITIVE_PI_CONSENT.title, text: SENSITIVE_PI_CONSENT.text };

function api(realName: FakeResponse | ((body: unknown) => FakeResponse) = ok({}), consent: object = CONSENT) {
  const bodies: unknown[] = [];
  let consentCalls = 0;
  fakeApi({
    'GET /api/me': ok(UNVERIFIED),
    'GET /api/consents/sensitive-pi': () => {
      consentCalls++;
      return ok(consent);
    },
    'POST /api/me/real-name': (_q, body) => {
      bodies.push(body);
      return typeof realName === 'function' ? realName(body) : realName;
    },
  });
  return { bodies, consentCalls: () => consentCalls };
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const submit = () => act(async () => fireEvent.click(screen.getByTestId('realname-submit')));

async function readAndAgree() {
  fireEvent.click(screen.getByTestId('realname-consent-open'));
  expect(screen.getByTestId('consent-doc')).toBeInTheDocument();
  fireEvent.click(screen.getByTestId('consent-agree'));
}

describe('实名认证', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok');
  });

  afterEach(() => jest.useRealTimers());

  it('checks the ID number as it is typed: digits left, wrong characters, birth date, check character', async () => {
    api();
    render(<RealNamePage />);
    await screen.findByTestId('realname-id');
    const hint = () => screen.getByTestId('realname-id-hint');

    type('realname-id', '4101041990');
    expect(hint()).toHaveTextContent('还需输入 8 位');
    type('realname-id', '41010419A');
    expect(hint()).toHaveTextContent('身份证号码只能包含数字，最后一位可以是 X');
    type('realname-id', '410104199002301234');
    expect(hint()).toHaveTextContent('身份证号码中的出生日期无效');
    type('realname-id', WRONG_CHECK_ID);
    expect(hint()).toHaveTextContent('身份证号码校验位不正确，请核对');
    expect(screen.getByTestId('realname-id-box')).toHaveClass('cx-realname__box--error');
    type('realname-id', VALID_ID);
    expect(hint()).toHaveTextContent(`号码格式正确，认证后仅显示为 4101**********${VALID_ID.slice(-4)}`);
    type('realname-id', VALID_X_ID.slice(0, 17) + 'x');
    expect(screen.getByTestId('realname-id')).toHaveValue(VALID_X_ID);
    expect(hint()).toHaveTextContent('号码格式正确');
  });

  it('explains a province code or a birth date no ID number can have', async () => {
    api();
    render(<RealNamePage />);
    await screen.findByTestId('realname-id');
    const withCheck = (first17: string) => first17 + idCheckChar(first17);
    type('realname-id', withCheck('99010419900307123'));
    expect(screen.getByTestId('realname-id-hint')).toHaveTextContent('身份证号码前两位不是有效的省级行政区代码');
    type('realname-id', withCheck('41010418890307123'));
    expect(screen.getByTestId('realname-id-hint')).toHaveTextContent('出生日期早于 1900 年');
    type('realname-id', withCheck(`410104${new Date().getFullYear() + 1}0307123`));
    expect(screen.getByTestId('realname-id-hint')).toHaveTextContent('出生日期晚于今天');
  });

  it('refuses to submit an invalid ID number or a non-Chinese name', async () => {
    const { bodies } = api();
    render(<RealNamePage />);
    await screen.findByTestId('realname-id');
    await readAndAgree();
    type('realname-name', 'Zhang');
    type('realname-id', WRONG_CHECK_ID);
    await submit();
    expect(screen.getByTestId('realname-name-error')).toHaveTextContent('请输入身份证上的中文姓名');
    expect(screen.getByTestId('realname-id-hint')).toHaveTextContent('校验位不正确');
    expect(bodies).toEqual([]);
  });

  it('requires the consent text to be opened and ticked before submitting', async () => {
    const { bodies } = api();
    render(<RealNamePage />);
    await screen.findByTestId('realname-id');
    type('realname-name', '王芳');
    type('realname-id', VALID_ID);

    await submit();
    expect(screen.getByTestId('realname-consent-error')).toHaveTextContent('请先阅读并勾选同意《个人敏感信息处理授权书》');
    expect(bodies).toEqual([]);

    // The box cannot be ticked unread: tapping it opens the text instead.
    const box = screen.getByTestId('realname-consent-check');
    fireEvent.click(box);
    expect(box).toHaveAttribute('aria-checked', 'false');
    const doc = screen.getByTestId('consent-doc');
    expect(doc).toHaveTextContent(`版本 ${SENSITIVE_PI_CONSENT.version}`);
    expect(doc).toHaveTextContent('身份核验服务');
    expect(doc).toHaveTextContent('姓名和居民身份证号码');
    expect(doc).toHaveTextContent('匹配到您本人');
    expect(doc).toHaveTextContent('哈希值');
    expect(doc).toHaveTextContent('脱敏号码');
    expect(doc).toHaveTextContent('随时撤回本授权');
    expect(doc).toHaveTextContent('管城回族区社会信用体系建设中心');
    fireEvent.click(screen.getByTestId('consent-close'));
    expect(screen.queryByTestId('consent-doc')).not.toBeInTheDocument();
    expect(box).toHaveAttribute('aria-checked', 'false');

    await readAndAgree();
    expect(screen.getByTestId('realname-consent-check')).toHaveAttribute('aria-checked', 'true');
    // Once read, the box can be unticked and ticked again.
    fireEvent.click(screen.getByTestId('realname-consent-check'));
    expect(screen.getByTestId('realname-consent-check')).toHaveAttribute('aria-checked', 'false');
    fireEvent.click(screen.getByTestId('realname-consent-check'));
    expect(screen.getByTestId('realname-consent-check')).toHaveAttribute('aria-checked', 'true');
  });

  it('sends name, ID number, consent and the server’s consent version; then shows the masked number and goes to 我的信用', async () => {
    jest.useFakeTimers();
    const masked = `4101**********${VALID_ID.slice(-4)}`;
    const { bodies } = api(ok({ realNameVerified: true, maskedIdNumber: masked, name: '王芳' }));
    render(<RealNamePage />);
    await screen.findByTestId('realname-id');
    type('realname-name', ' 王芳 ');
    type('realname-id', VALID_ID);
    await readAndAgree();
    await submit();

    expect(bodies).toEqual([{ name: '王芳', idNumber: VALID_ID, consent: true, consentVersion: SENSITIVE_PI_CONSENT.version }]);
    expect(await screen.findByTestId('realname-masked')).toHaveTextContent(masked);
    // The raw number is gone from the page and was never stored.
    expect(screen.queryByTestId('realname-id')).not.toBeInTheDocument();
    expect(document.body.textContent).not.toContain(VALID_ID);
    expect(JSON.stringify(storageSnapshot())).not.toContain(VALID_ID.slice(6, 14));

    expect(Taro.redirectTo).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(1600));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/resident/credit/index' });
  });

  it.each([
    ['ID_NUMBER_TAKEN', 409, '该身份证号码已被其他账号认证，如有疑问请联系信用中心'],
    ['ALREADY_VERIFIED', 409, '您已完成实名认证'],
  ])('shows the server’s %s message in the form, without a toast', async (code, status, message) => {
    api(fail(status, code, message));
    render(<RealNamePage />);
    await screen.findByTestId('realname-id');
    type('realname-name', '王芳');
    type('realname-id', VALID_ID);
    await readAndAgree();
    await submit();
    expect(await screen.findByTestId('realname-error')).toHaveTextContent(message);
    expect(Taro.showToast).not.toHaveBeenCalled();
    expect(screen.getByTestId('realname-submit')).not.toBeDisabled();
  });

  it('puts the server’s ID number and validation messages next to the fields', async () => {
    let answer = fail(400, 'INVALID_ID_NUMBER', '身份证号码校验位不正确，请核对');
    api(() => answer);
    render(<RealNamePage />);
    await screen.findByTestId('realname-id');
    type('realname-name', '王芳');
    type('realname-id', VALID_ID);
    await readAndAgree();
    await submit();
    expect(await screen.findByTestId('realname-id-hint')).toHaveTextContent('身份证号码校验位不正确，请核对');

    answer = fail(400, 'VALIDATION_FAILED', '请求参数不正确', [{ field: 'name', message: '请输入身份证上的中文姓名' }]);
    await submit();
    expect(await screen.findByTestId('realname-name-error')).toHaveTextContent('请输入身份证上的中文姓名');
    expect(screen.getByTestId('realname-error')).toHaveTextContent('请求参数不正确');
  });

  it('asks to read the consent again when the server has a newer version', async () => {
    const { consentCalls } = api(fail(409, 'CONSENT_OUTDATED', '授权书已更新，请重新阅读并同意最新版本'));
    render(<RealNamePage />);
    await screen.findByTestId('realname-id');
    type('realname-name', '王芳');
    type('realname-id', VALID_ID);
    await readAndAgree();
    await submit();
    expect(await screen.findByTestId('realname-error')).toHaveTextContent('授权书已更新');
    expect(screen.getByTestId('realname-consent-check')).toHaveAttribute('aria-checked', 'false');
    expect(consentCalls()).toBe(2);
  });

  it('shows exactly the text the server serves, and agrees to that version', async () => {
    const served = { type: 'sensitive-pi', version: '2099-07', title: '测试授权书', text: '甲、第一节\n第一节的正文。\n\n乙、第二节\n第二节的正文。' };
    const { bodies } = api(ok({ realNameVerified: true, maskedIdNumber: 'x', name: '王芳' }), served);
    render(<RealNamePage />);
    await screen.findByTestId('realname-id');
    expect(screen.getByTestId('realname-consent-open')).toHaveTextContent('《测试授权书》');
    fireEvent.click(screen.getByTestId('realname-consent-open'));
    const doc = screen.getByTestId('consent-doc');
    expect(doc).toHaveTextContent('版本 2099-07');
    expect(doc).toHaveTextContent('甲、第一节');
    expect(doc).toHaveTextContent('第二节的正文。');
    // Nothing of another text: the app carries none of its own.
    expect(doc).not.toHaveTextContent('哈希值');
    fireEvent.click(screen.getByTestId('consent-agree'));
    type('realname-name', '王芳');
    type('realname-id', VALID_ID);
    await submit();
    expect(bodies).toEqual([expect.objectContaining({ consentVersion: '2099-07' })]);
  });

  it('marks name and number when the verification service says they do not belong together', async () => {
    api(fail(422, 'IDENTITY_MISMATCH', '姓名与身份证号码不一致，请核对后重试'));
    render(<RealNamePage />);
    await screen.findByTestId('realname-id');
    type('realname-name', '王芳');
    type('realname-id', VALID_ID);
    await readAndAgree();
    await submit();
    expect(await screen.findByTestId('realname-error')).toHaveTextContent('姓名与身份证号码不一致，请核对后重试');
    expect(screen.getByTestId('realname-name-box')).toHaveClass('cx-realname__box--error');
    expect(screen.getByTestId('realname-id-box')).toHaveClass('cx-realname__box--error');
    expect(Taro.showToast).not.toHaveBeenCalled();
    // Correcting the name clears the mark.
    type('realname-name', '王芬');
    expect(screen.getByTestId('realname-name-box')).not.toHaveClass('cx-realname__box--error');
    expect(screen.getByTestId('realname-submit')).not.toBeDisabled();
  });

  it('asks to try again later when the verification service is unavailable', async () => {
    const { bodies } = api(fail(503, 'IDENTITY_SERVICE_UNAVAILABLE', '身份核验服务暂时不可用，请稍后重试（本次不计入失败次数）'));
    render(<RealNamePage />);
    await screen.findByTestId('realname-id');
    type('realname-name', '王芳');
    type('realname-id', VALID_ID);
    await readAndAgree();
    await submit();
    expect(await screen.findByTestId('realname-error')).toHaveTextContent('身份核验服务暂时不可用，请稍后重试');
    expect(Taro.showToast).not.toHaveBeenCalled();
    // The form keeps what was typed, and can be sent again.
    expect(screen.getByTestId('realname-id')).toHaveValue(VALID_ID);
    await submit();
    expect(bodies).toHaveLength(2);
  });

  it('stops sending once today’s failed attempts are used up (429)', async () => {
    const { bodies } = api(fail(429, 'RATE_LIMITED', '今日实名认证失败已达 5 次，请明天再试；如有疑问请联系区信用中心'));
    render(<RealNamePage />);
    await screen.findByTestId('realname-id');
    type('realname-name', '王芳');
    type('realname-id', VALID_ID);
    await readAndAgree();
    await submit();
    expect(await screen.findByTestId('realname-error')).toHaveTextContent('请明天再试');
    expect(Taro.showToast).not.toHaveBeenCalled();
    expect(screen.getByTestId('realname-submit')).toBeDisabled();
    expect(screen.getByTestId('realname-submit')).toHaveTextContent('今日已无法再认证');
    await submit();
    expect(bodies).toHaveLength(1);
  });

  it('tells a verified resident they are done, with the masked number', async () => {
    fakeApi({ 'GET /api/me': ok(ZHANG_ME), 'GET /api/consents/sensitive-pi': ok(CONSENT) });
    render(<RealNamePage />);
    expect(await screen.findByTestId('realname-already')).toHaveTextContent('您已完成实名认证');
    expect(screen.getByTestId('realname-already')).toHaveTextContent('4101**********1234');
    expect(screen.queryByTestId('realname-id')).not.toBeInTheDocument();
  });
});
