import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import RoleShell, { useRoleMe } from '../../../components/loans/role-shell';
import Field, { errorMessage, type FieldMessage } from '../../../components/loans/field';
import { useRequest } from '../../../hooks/use-request';
import { accountChanged } from '../../../services/account';
import { isApiError } from '../../../services/api';
import { registerEnterprise } from '../../../services/loans-api';
import { ENTERPRISE_PAGES } from '../../../services/loans-pages';
import { RESIDENT_PAGES } from '../../../services/resident-pages';
import { saveToken } from '../../../services/session';
import { maskUscc } from '../../../../../functions/shared/domain/identifiers';
import { detailsByField, loadMyEnterprise } from '../shared/enterprise';
import { enterpriseNameError, normaliseUscc, usccError, usccHint } from './uscc-hint';
import { labelled } from '../../../components/field-label';
import './index.scss';

// Answers this form explains next to its fields or above the button, so the API client raises no toast for them.
const FORM_CODES = [
  'INVALID_USCC',
  'NOT_IN_REGISTRY',
  'USCC_TAKEN',
  'REGISTRY_MISMATCH',
  'NOT_LEGAL_REPRESENTATIVE',
  'ENTERPRISE_NOT_ACTIVE',
  'REAL_NAME_REQUIRED',
  'ALREADY_REGISTERED',
  'ALREADY_STAFF',
  'VALIDATION_FAILED',
];
/** Answers about the code itself: shown under the code. */
const CODE_CODES = ['INVALID_USCC', 'NOT_IN_REGISTRY', 'USCC_TAKEN'];

interface Errors {
  uscc?: string;
  name?: string;
}

const goToBusiness = () => void Taro.redirectTo({ url: ENTERPRISE_PAGES.business });
const goToRealName = () => void Taro.navigateTo({ url: RESIDENT_PAGES.realName });

/**
 * 企业认证 by the legal representative in person: the unified social credit code checked as it is
 * typed (GB 32100-2015, the server's own rules) and the business's name, both checked by the server
 * against the market-regulation department's enterprise registry; the legal representative is the
 * signed-in person's verified real name. Founding date and tax grade come from the registries, so
 * the form does not ask for them. The answer carries a new session with the organisation: it
 * replaces the current one, then the business page opens.
 */
export default function RegisterPage() {
  const me = useRoleMe('enterprise');
  const existing = useRequest(loadMyEnterprise, [me.user?.id], me.allowed);
  const [uscc, setUscc] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [alreadyRegistered, setAlreadyRegistered] = useState(false);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  const submit = async () => {
    if (sending.current) return;
    if (!me.user?.realNameVerified) return;
    const found: Errors = {
      uscc: usccError(uscc) ?? undefined,
      name: enterpriseNameError(name) ?? undefined,
    };
    setErrors(found);
    setFormError(null);
    if (found.uscc || found.name) return;

    sending.current = true;
    setBusy(true);
    try {
      const result = await registerEnterprise({ uscc, name: name.trim() }, { quietCodes: FORM_CODES });
      saveToken(result.token);
      accountChanged();
      void Taro.showToast({ title: '企业认证成功', icon: 'success', duration: 1500 });
      goToBusiness();
    } catch (e) {
      if (!isApiError(e)) {
        setFormError('认证失败，请稍后重试');
      } else if (CODE_CODES.includes(e.code)) {
        setErrors({ uscc: e.message });
      } else if (e.code === 'ALREADY_REGISTERED') {
        setAlreadyRegistered(true);
        setFormError(e.message);
      } else if (e.code === 'VALIDATION_FAILED' || e.code === 'REGISTRY_MISMATCH') {
        const byField = detailsByField(e.details);
        setErrors({ uscc: byField.uscc, name: byField.name });
        setFormError(e.message);
      } else {
        setFormError(e.message);
      }
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  const usccMessage: FieldMessage | null = errors.uscc ? { tone: 'error', text: errors.uscc } : usccHint(uscc);
  const registered = existing.data;

  return (
    <RoleShell
      me={me}
      name='企业认证'
      loading={existing.data === undefined && !existing.error}
      error={existing.error}
      onRetry={existing.reload}
    >
      {(user) =>
        registered ? (
          <View className='cx-card cx-register__done' data-testid='register-already'>
            <Text className='cx-section-title'>本账号已完成企业认证</Text>
            <Text className='cx-register__done-text'>
              {registered.name}（{maskUscc(registered.uscc)}）
            </Text>
            <Button className='cx-btn cx-btn--block cx-register__go' onClick={goToBusiness}>
              查看企业信用
            </Button>
          </View>
        ) : (
          <View data-testid='register-page'>
            <View className='cx-card cx-register__intro'>
              <Text className='cx-register__intro-title'>用统一社会信用代码认证企业</Text>
              <Text className='cx-register__intro-text'>
                代码共 18 位，见营业执照左上方。信用中心按市场监管部门的企业登记信息核对代码和企业名称，据此归集企业的信用记录，并计算公共信用综合评价。每个代码只能认证一次。
              </Text>
            </View>
            <View className='cx-card'>
              <Field label='统一社会信用代码' message={usccMessage} testId='register-uscc'>
                <Input
                  className='cx-loan-field__input cx-register__code'
                  data-testid='register-uscc'
                  {...labelled('统一社会信用代码')}
                  value={uscc}
                  maxlength={24}
                  placeholder='18 位代码，如 91410104MA…'
                  onInput={(e) => {
                    setUscc(normaliseUscc(e.detail.value));
                    setErrors((x) => ({ ...x, uscc: undefined }));
                  }}
                />
              </Field>
              <Field label='企业名称' message={errorMessage(errors.name)} testId='register-name'>
                <Input
                  className='cx-loan-field__input'
                  data-testid='register-name'
                  {...labelled('企业名称')}
                  value={name}
                  maxlength={60}
                  placeholder='与营业执照一致的企业全称'
                  onInput={(e) => {
                    setName(e.detail.value);
                    setErrors((x) => ({ ...x, name: undefined }));
                  }}
                />
              </Field>
              <View className='cx-loan-field' data-testid='register-legal'>
                <Text className='cx-loan-field__label'>法定代表人</Text>
                {user.realNameVerified ? (
                  <View className='cx-register__legal'>
                    <Text className='cx-register__legal-name' data-testid='register-legal-value'>
                      {user.name}
                    </Text>
                    <Text className='cx-loan-field__msg cx-loan-field__msg--info'>
                      您实名认证的姓名，须与企业登记的法定代表人一致：企业由法定代表人本人认证
                    </Text>
                  </View>
                ) : (
                  <View className='cx-register__legal cx-register__legal--missing' data-testid='register-real-name-needed'>
                    <Text className='cx-loan-field__msg cx-loan-field__msg--error'>
                      企业须由法定代表人本人认证，请先完成实名认证
                    </Text>
                    <Text role='button' className='cx-register__link' data-testid='register-go-real-name' onClick={goToRealName}>
                      去实名认证 ›
                    </Text>
                  </View>
                )}
              </View>
              <View className='cx-register__note' data-testid='register-registry-note'>
                <Text>成立日期、登记状态和纳税信用等级由市场监管部门和税务部门报送，认证后自动显示，无需填写。</Text>
              </View>

              {formError && (
                <View className='cx-loan-form-error' data-testid='register-error' role='alert'>
                  <Text>{formError}</Text>
                  {alreadyRegistered && (
                    <Text role='button' className='cx-register__link' onClick={goToBusiness}>
                      {' '}
                      查看本企业 ›
                    </Text>
                  )}
                </View>
              )}

              <Button
                className='cx-btn cx-btn--block cx-register__submit'
                data-testid='register-submit'
                disabled={busy || !user.realNameVerified ? true : undefined}
                onClick={submit}
              >
                {busy ? '提交中…' : '提交认证'}
              </Button>
            </View>
          </View>
        )
      }
    </RoleShell>
  );
}
