import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import RoleShell, { useRoleMe } from '../../../components/loans/role-shell';
import Field, { errorMessage, type FieldMessage } from '../../../components/loans/field';
import { useRequest } from '../../../hooks/use-request';
import { accountChanged } from '../../../services/account';
import { isApiError } from '../../../services/api';
import { registerEnterprise } from '../../../services/loans-api';
import { ENTERPRISE_PAGES } from '../../../services/loans-pages';
import { saveToken } from '../../../services/session';
import { chinaToday } from '../../../services/time';
import { maskUscc } from '../../../../../functions/shared/domain/identifiers';
import { detailsByField, loadMyEnterprise } from '../shared/enterprise';
import { enterpriseNameError, legalRepresentativeError, normaliseUscc, usccError, usccHint } from './uscc-hint';
import './index.scss';

// Answers this form explains next to its fields, so the API client raises no toast for them.
const FORM_CODES = ['INVALID_USCC', 'USCC_TAKEN', 'ALREADY_REGISTERED', 'VALIDATION_FAILED'];

interface Errors {
  uscc?: string;
  name?: string;
  legalRepresentative?: string;
  establishedOn?: string;
}

const goToBusiness = () => void Taro.redirectTo({ url: ENTERPRISE_PAGES.business });

/**
 * 企业认证: the unified social credit code checked as it is typed (GB 32100-2015, the server's own
 * rules), the name, the legal representative and the founding date. The answer carries a new
 * session with the organisation: it replaces the current one, then the business page opens.
 */
export default function RegisterPage() {
  const me = useRoleMe('enterprise');
  const existing = useRequest(loadMyEnterprise, [me.user?.id], me.allowed);
  const [uscc, setUscc] = useState('');
  const [name, setName] = useState('');
  const [legalRepresentative, setLegalRepresentative] = useState('');
  const [establishedOn, setEstablishedOn] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [alreadyRegistered, setAlreadyRegistered] = useState(false);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  const submit = async () => {
    if (sending.current) return;
    const found: Errors = {
      uscc: usccError(uscc) ?? undefined,
      name: enterpriseNameError(name) ?? undefined,
      legalRepresentative: legalRepresentativeError(legalRepresentative) ?? undefined,
    };
    setErrors(found);
    setFormError(null);
    if (found.uscc || found.name || found.legalRepresentative) return;

    sending.current = true;
    setBusy(true);
    try {
      const result = await registerEnterprise(
        {
          uscc,
          name: name.trim(),
          legalRepresentative: legalRepresentative.trim(),
          ...(establishedOn ? { establishedOn } : {}),
        },
        { quietCodes: FORM_CODES },
      );
      saveToken(result.token);
      accountChanged();
      void Taro.showToast({ title: '企业认证成功', icon: 'success', duration: 1500 });
      goToBusiness();
    } catch (e) {
      if (!isApiError(e)) {
        setFormError('认证失败，请稍后重试');
      } else if (e.code === 'INVALID_USCC' || e.code === 'USCC_TAKEN') {
        setErrors({ uscc: e.message });
      } else if (e.code === 'ALREADY_REGISTERED') {
        setAlreadyRegistered(true);
        setFormError(e.message);
      } else if (e.code === 'VALIDATION_FAILED') {
        const byField = detailsByField(e.details);
        setErrors({ uscc: byField.uscc, name: byField.name, legalRepresentative: byField.legalRepresentative, establishedOn: byField.establishedOn });
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
      {() =>
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
                代码共 18 位，见营业执照左上方。信用中心据此归集企业的信用记录，并计算公共信用综合评价。每个代码只能认证一次。
              </Text>
            </View>
            <View className='cx-card'>
              <Field label='统一社会信用代码' message={usccMessage} testId='register-uscc'>
                <Input
                  className='cx-loan-field__input cx-register__code'
                  data-testid='register-uscc'
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
                  value={name}
                  maxlength={60}
                  placeholder='与营业执照一致的企业全称'
                  onInput={(e) => {
                    setName(e.detail.value);
                    setErrors((x) => ({ ...x, name: undefined }));
                  }}
                />
              </Field>
              <Field label='法定代表人' message={errorMessage(errors.legalRepresentative)} testId='register-legal'>
                <Input
                  className='cx-loan-field__input'
                  data-testid='register-legal'
                  value={legalRepresentative}
                  maxlength={20}
                  placeholder='法定代表人的中文姓名'
                  onInput={(e) => {
                    setLegalRepresentative(e.detail.value);
                    setErrors((x) => ({ ...x, legalRepresentative: undefined }));
                  }}
                />
              </Field>
              <Field
                label='成立日期'
                optional
                message={errors.establishedOn ? errorMessage(errors.establishedOn) : { tone: 'info', text: '银行据此判断经营年限，未填写时按未满 1 年计' }}
                testId='register-established'
              >
                <Picker
                  mode='date'
                  className='cx-loan-field__picker'
                  data-testid='register-established'
                  value={establishedOn || '2020-01-01'}
                  start='1978-01-01'
                  end={chinaToday()}
                  onChange={(e) => setEstablishedOn(String(e.detail.value))}
                >
                  <Text className={establishedOn ? '' : 'cx-loan-field__placeholder'} data-testid='register-established-value'>
                    {establishedOn || '请选择营业执照上的成立日期'}
                  </Text>
                </Picker>
              </Field>

              {formError && (
                <View className='cx-loan-form-error' data-testid='register-error' role='alert'>
                  <Text>{formError}</Text>
                  {alreadyRegistered && (
                    <Text className='cx-register__link' onClick={goToBusiness}>
                      {' '}
                      查看本企业 ›
                    </Text>
                  )}
                </View>
              )}

              <Button
                className='cx-btn cx-btn--block cx-register__submit'
                data-testid='register-submit'
                disabled={busy ? true : undefined}
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
