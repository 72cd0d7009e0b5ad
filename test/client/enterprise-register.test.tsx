import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RegisterPage from '../../client/src/packages/enterprise/register';
import { clearSession, getToken, saveToken } from '../../client/src/services/session';
import { USCC_MESSAGES } from '../../functions/shared/domain/identifiers';
import { fail, fakeApi, ok, type FakeResponse } from './support/fake-api';
import { NEW_ENT_ME, validUscc } from './support/loans-fixtures';
import type { MeResponse } from '../../client/src/services/api';

const VALID = validUscc('91410104MA47NEW8K');
const WRONG_CHECK = VALID.slice(0, 17) + (VALID[17] === '0' ? '1' : '0');

function api(register: FakeResponse | ((body: unknown) => FakeResponse) = ok({}), me: MeResponse = NEW_ENT_ME) {
  const bodies: unknown[] = [];
  fakeApi({
    'GET /api/me': ok(me),
    'GET /api/enterprises/me': fail(409, 'NOT_REGISTERED', '请先完成企业认证'),
    'POST /api/enterprises': (_q, body) => {
      bodies.push(body);
      return typeof register === 'function' ? register(body) : register;
    },
  });
  return bodies;
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const usccMessage = () => screen.getByTestId('register-uscc-msg');
const submit = () => act(async () => fireEvent.click(screen.getByTestId('register-submit')));

async function fillValidRest() {
  type('register-name', '郑州管城新材料有限公司');
}

describe('企业认证', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok-before');
  });

  it.each([
    ['a forbidden letter (I)', '91410104MA4I', USCC_MESSAGES.forbidden],
    ['a forbidden letter typed in lower case (o)', '9141o104', USCC_MESSAGES.forbidden],
    ['a forbidden letter (Z) in a full-length code', `${VALID.slice(0, 17)}Z`, USCC_MESSAGES.forbidden],
    ['a character outside the set', '91410104-MA', USCC_MESSAGES.characters],
    ['a wrong check character', WRONG_CHECK, USCC_MESSAGES.check],
    ['too many characters', `${VALID}1`, `${USCC_MESSAGES.length}，已输入 19 位`],
  ])('refuses %s as it is typed, with that message', async (_what, code, message) => {
    api();
    render(<RegisterPage />);
    await screen.findByTestId('register-page');
    type('register-uscc', code);
    expect(usccMessage()).toHaveTextContent(message);
    expect(usccMessage()).toHaveAttribute('data-tone', 'error');
    expect(screen.getByTestId('register-uscc-box').className).toContain('cx-loan-field__box--error');
  });

  it('counts what is left while a code is short, and refuses it on submit as too short', async () => {
    const bodies = api();
    render(<RegisterPage />);
    await screen.findByTestId('register-page');
    type('register-uscc', VALID.slice(0, 15));
    expect(usccMessage()).toHaveTextContent(`${USCC_MESSAGES.length}，还需输入 3 位`);
    expect(usccMessage()).toHaveAttribute('data-tone', 'info');
    await fillValidRest();
    await submit();
    expect(usccMessage()).toHaveTextContent(USCC_MESSAGES.length);
    expect(usccMessage()).toHaveAttribute('data-tone', 'error');
    expect(bodies).toHaveLength(0);
  });

  it('does not send a code with a wrong check character', async () => {
    const bodies = api();
    render(<RegisterPage />);
    await screen.findByTestId('register-page');
    type('register-uscc', WRONG_CHECK);
    await fillValidRest();
    await submit();
    expect(usccMessage()).toHaveTextContent(USCC_MESSAGES.check);
    expect(bodies).toHaveLength(0);
  });

  it('accepts a valid code (spaces and lower case as typed), shows its masked form, and names the name’s problem', async () => {
    const bodies = api();
    render(<RegisterPage />);
    await screen.findByTestId('register-page');
    type('register-uscc', ` ${VALID.slice(0, 9).toLowerCase()} ${VALID.slice(9)}`);
    expect(screen.getByTestId('register-uscc')).toHaveValue(VALID);
    expect(usccMessage()).toHaveAttribute('data-tone', 'ok');
    expect(usccMessage()).toHaveTextContent(`${VALID.slice(0, 6)}**********${VALID.slice(-2)}`);
    type('register-name', '华信');
    await submit();
    expect(screen.getByTestId('register-name-msg')).toHaveTextContent('至少 4 个字');
    expect(bodies).toHaveLength(0);
  });

  it('names the verified person as the legal representative and asks for no founding date', async () => {
    api();
    render(<RegisterPage />);
    await screen.findByTestId('register-page');
    expect(screen.getByTestId('register-legal-value')).toHaveTextContent('吴昊');
    expect(screen.queryByTestId('register-established')).not.toBeInTheDocument();
    expect(screen.queryByTestId('picker-input')).not.toBeInTheDocument();
    expect(screen.getByTestId('register-registry-note')).toHaveTextContent('成立日期、登记状态和纳税信用等级由市场监管部门和税务部门报送');
  });

  it('sends a person without a verified real name to 实名认证 first, and sends nothing', async () => {
    const bodies = api(ok({}), { user: { ...NEW_ENT_ME.user, realNameVerified: false, maskedIdNumber: undefined } });
    render(<RegisterPage />);
    await screen.findByTestId('register-page');
    expect(screen.getByTestId('register-real-name-needed')).toHaveTextContent('请先完成实名认证');
    type('register-uscc', VALID);
    await fillValidRest();
    expect(screen.getByTestId('register-submit')).toBeDisabled();
    await submit();
    expect(bodies).toHaveLength(0);
    fireEvent.click(screen.getByTestId('register-go-real-name'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/real-name/index' });
  });

  it('registers with the code and the name, keeps the new session token with the organisation, and opens the business page', async () => {
    const bodies = api(() => ({ status: 201, body: { id: 'org-ent-1', uscc: VALID, token: 'tok-with-org' } }));
    render(<RegisterPage />);
    await screen.findByTestId('register-page');
    type('register-uscc', VALID);
    await fillValidRest();
    await submit();
    expect(bodies).toEqual([{ uscc: VALID, name: '郑州管城新材料有限公司' }]);
    expect(getToken()).toBe('tok-with-org');
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/enterprise/business/index' });
  });

  it('shows a code registered by someone else next to the code field, without a toast', async () => {
    api(fail(409, 'USCC_TAKEN', '该统一社会信用代码已被登记，如有疑问请联系信用中心'));
    render(<RegisterPage />);
    await screen.findByTestId('register-page');
    type('register-uscc', VALID);
    await fillValidRest();
    await submit();
    expect(usccMessage()).toHaveTextContent('已被登记');
    expect(getToken()).toBe('tok-before');
    expect(Taro.showToast).not.toHaveBeenCalled();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });
});

describe('企业认证: what the enterprise registry answers', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok-before');
  });

  const answered = async (response: FakeResponse) => {
    api(response);
    render(<RegisterPage />);
    await screen.findByTestId('register-page');
    type('register-uscc', VALID);
    await fillValidRest();
    await submit();
  };

  it('shows a code the registry does not hold next to the code', async () => {
    await answered(fail(404, 'NOT_IN_REGISTRY', '企业登记信息中没有这个统一社会信用代码，请核对营业执照'));
    expect(usccMessage()).toHaveTextContent('企业登记信息中没有这个统一社会信用代码');
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('shows a name that differs from the registry next to the name', async () => {
    await answered(fail(422, 'REGISTRY_MISMATCH', '企业名称与登记信息不一致，请按营业执照填写', [{ field: 'name', message: '企业名称与登记信息不一致', code: 'mismatch' }]));
    expect(screen.getByTestId('register-name-msg')).toHaveTextContent('企业名称与登记信息不一致');
    expect(screen.getByTestId('register-error')).toHaveTextContent('请按营业执照填写');
  });

  it.each([
    ['NOT_LEGAL_REPRESENTATIVE', 403, '您实名认证的姓名与该企业登记的法定代表人不一致'],
    ['ENTERPRISE_NOT_ACTIVE', 422, '该企业在登记机关的状态为「吊销」，不能认证'],
    ['ALREADY_STAFF', 409, '该账号已是其他机构的工作人员，不能再认证企业'],
  ])('explains %s above the button, without a toast, and keeps the session', async (code, status, message) => {
    await answered(fail(status, code, message));
    expect(screen.getByTestId('register-error')).toHaveTextContent(message);
    expect(Taro.showToast).not.toHaveBeenCalled();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    expect(getToken()).toBe('tok-before');
  });
});
