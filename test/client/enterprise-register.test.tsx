import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RegisterPage from '../../client/src/packages/enterprise/register';
import { clearSession, getToken, saveToken } from '../../client/src/services/session';
import { USCC_MESSAGES } from '../../functions/shared/domain/identifiers';
import { fail, fakeApi, ok, type FakeResponse } from './support/fake-api';
import { NEW_ENT_ME, validUscc } from './support/loans-fixtures';

const VALID = validUscc('91410104MA47NEW8K');
const WRONG_CHECK = VALID.slice(0, 17) + (VALID[17] === '0' ? '1' : '0');

function api(register: FakeResponse | ((body: unknown) => FakeResponse) = ok({})) {
  const bodies: unknown[] = [];
  fakeApi({
    'GET /api/me': ok(NEW_ENT_ME),
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
  type('register-legal', '吴昊');
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

  it('accepts a valid code (spaces and lower case as typed), shows its masked form, and names the other fields’ problems', async () => {
    const bodies = api();
    render(<RegisterPage />);
    await screen.findByTestId('register-page');
    type('register-uscc', ` ${VALID.slice(0, 9).toLowerCase()} ${VALID.slice(9)}`);
    expect(screen.getByTestId('register-uscc')).toHaveValue(VALID);
    expect(usccMessage()).toHaveAttribute('data-tone', 'ok');
    expect(usccMessage()).toHaveTextContent(`${VALID.slice(0, 6)}**********${VALID.slice(-2)}`);
    type('register-name', '华信');
    type('register-legal', 'Wu Hao');
    await submit();
    expect(screen.getByTestId('register-name-msg')).toHaveTextContent('至少 4 个字');
    expect(screen.getByTestId('register-legal-msg')).toHaveTextContent('中文姓名');
    expect(bodies).toHaveLength(0);
  });

  it('registers, keeps the new session token with the organisation, and opens the business page', async () => {
    const bodies = api(() => ({ status: 201, body: { id: 'org-ent-1', uscc: VALID, token: 'tok-with-org' } }));
    render(<RegisterPage />);
    await screen.findByTestId('register-page');
    type('register-uscc', VALID);
    await fillValidRest();
    fireEvent.change(screen.getByTestId('picker-input'), { target: { value: '2019-04-01' } });
    expect(screen.getByTestId('register-established-value')).toHaveTextContent('2019-04-01');
    await submit();
    expect(bodies).toEqual([{ uscc: VALID, name: '郑州管城新材料有限公司', legalRepresentative: '吴昊', establishedOn: '2019-04-01' }]);
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
