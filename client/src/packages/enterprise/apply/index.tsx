import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import RoleShell, { useRoleMe } from '../../../components/loans/role-shell';
import Field, { errorMessage } from '../../../components/loans/field';
import { useRequest } from '../../../hooks/use-request';
import { isApiError } from '../../../services/api';
import { submitApplication } from '../../../services/loans-api';
import { rateRange } from '../../../services/loans-format';
import { ENTERPRISE_PAGES, enterpriseApplicationPage } from '../../../services/loans-pages';
import { detailsByField } from '../shared/enterprise';
import { loadProduct } from '../shared/product';
import {
  amountMessage,
  AUTHORISATION_NOTICE,
  newIdempotencyKey,
  PURPOSE_MAX,
  purposeError,
  termMessage,
  validateApplication,
  wholeNumber,
  type ApplyErrors,
} from './validate';
import { labelled } from '../../../components/field-label';
import './index.scss';

// Answers the form explains itself, so the API client raises no toast for them.
const FORM_CODES = ['VALIDATION_FAILED', 'NOT_ELIGIBLE', 'NOT_REGISTERED', 'IDEMPOTENCY_KEY_REUSED', 'NETWORK_ERROR', 'NOT_FOUND'];

/**
 * The application form: amount and term checked against the product's ranges as they are typed,
 * the purpose required. One Idempotency-Key per form, kept across retries, so a retry after a lost
 * answer or a second tap never makes a second application; taps while sending are ignored.
 */
export default function ApplyPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const me = useRoleMe('enterprise');
  const product = useRequest(() => loadProduct(id), [id], me.allowed);
  const [amount, setAmount] = useState('');
  const [termMonths, setTermMonths] = useState('');
  const [purpose, setPurpose] = useState('');
  const [errors, setErrors] = useState<ApplyErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sentBefore, setSentBefore] = useState(false);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  // Made on the first tap of 提交申请 and sent with every retry of this form.
  const idempotencyKey = useRef<string | null>(null);

  const p = product.data;

  const submit = async () => {
    if (sending.current || !p) return;
    const found = validateApplication({ amount, termMonths, purpose }, p);
    setErrors(found);
    setFormError(null);
    if (found.amount || found.termMonths || found.purpose) return;

    sending.current = true;
    setBusy(true);
    idempotencyKey.current ??= newIdempotencyKey();
    try {
      const application = await submitApplication(
        { productId: p.id, amount: wholeNumber(amount)!, termMonths: wholeNumber(termMonths)!, purpose: purpose.trim() },
        idempotencyKey.current,
        { quietCodes: FORM_CODES },
      );
      void Taro.showToast({ title: '申请已提交', icon: 'success', duration: 1500 });
      void Taro.redirectTo({ url: enterpriseApplicationPage(application.id) });
    } catch (e) {
      if (!isApiError(e)) {
        setFormError('提交失败，请稍后重试');
      } else if (e.code === 'VALIDATION_FAILED') {
        const byField = detailsByField(e.details);
        setErrors({ amount: byField.amount, termMonths: byField.termMonths, purpose: byField.purpose });
        setFormError(e.message);
      } else if (e.code === 'IDEMPOTENCY_KEY_REUSED') {
        // Only a stored application keeps its key: an earlier try of this form went through.
        setSentBefore(true);
        setFormError('此前的提交已成功，请在「我的申请」中查看，无需重复提交。');
      } else if (e.status === 0 || e.status >= 500) {
        setFormError(`${e.message}。再次点击「提交申请」不会重复提交。`);
      } else {
        setFormError(e.message);
      }
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <RoleShell
      me={me}
      name='信易贷申请'
      loading={p === undefined && !product.error}
      error={product.error}
      onRetry={product.reload}
      empty={p === null}
      emptyTitle='该产品不存在或已下架'
      emptyDescription='请回到产品市场查看其他产品。'
    >
      {() =>
        p && (
          <View data-testid='apply-page'>
            <View className='cx-card cx-apply__product'>
              <Text className='cx-apply__product-name'>{p.name}</Text>
              <Text className='cx-text-secondary'>
                {p.bankName} · 年利率 {rateRange(p.annualRateMin, p.annualRateMax)}
              </Text>
            </View>
            <View className='cx-card'>
              <Field
                label='申请金额'
                suffix='元'
                message={errors.amount ? errorMessage(errors.amount) : amountMessage(amount, p)}
                testId='apply-amount'
              >
                <Input
                  className='cx-loan-field__input'
                  data-testid='apply-amount'
                  {...labelled('申请金额（元）')}
                  type='number'
                  value={amount}
                  maxlength={12}
                  placeholder='如 500000'
                  onInput={(e) => {
                    setAmount(e.detail.value);
                    setErrors((x) => ({ ...x, amount: undefined }));
                  }}
                />
              </Field>
              <Field
                label='贷款期限'
                suffix='个月'
                message={errors.termMonths ? errorMessage(errors.termMonths) : termMessage(termMonths, p)}
                testId='apply-term'
              >
                <Input
                  className='cx-loan-field__input'
                  data-testid='apply-term'
                  {...labelled('贷款期限（个月）')}
                  type='number'
                  value={termMonths}
                  maxlength={3}
                  placeholder='如 12'
                  onInput={(e) => {
                    setTermMonths(e.detail.value);
                    setErrors((x) => ({ ...x, termMonths: undefined }));
                  }}
                />
              </Field>
              <Field
                label='贷款用途'
                message={
                  errors.purpose
                    ? errorMessage(errors.purpose)
                    : { tone: 'info', text: `${purpose.trim().length} / ${PURPOSE_MAX} 字，如采购原材料、支付货款` }
                }
                testId='apply-purpose'
              >
                <Textarea
                  className='cx-loan-field__textarea'
                  data-testid='apply-purpose'
                  {...labelled('贷款用途')}
                  value={purpose}
                  maxlength={PURPOSE_MAX}
                  placeholder='请说明贷款的具体用途'
                  onInput={(e) => {
                    setPurpose(e.detail.value);
                    setErrors((x) => ({ ...x, purpose: x.purpose && purposeError(e.detail.value) ? x.purpose : undefined }));
                  }}
                />
              </Field>

              <View className='cx-apply__notice' data-testid='apply-notice'>
                <Text className='cx-apply__notice-title'>授权说明</Text>
                <Text className='cx-apply__notice-text'>{AUTHORISATION_NOTICE}。申请结束（拒绝、撤回或放款）后，银行不能再凭本申请查询。</Text>
              </View>

              {formError && (
                <View className='cx-loan-form-error' data-testid='apply-error' role='alert'>
                  <Text>{formError}</Text>
                  {sentBefore && (
                    <Text role='button' className='cx-apply__link' onClick={() => void Taro.redirectTo({ url: ENTERPRISE_PAGES.applications })}>
                      {' '}
                      查看我的申请 ›
                    </Text>
                  )}
                </View>
              )}

              <Button
                className='cx-btn cx-btn--block cx-apply__submit'
                data-testid='apply-submit'
                disabled={busy ? true : undefined}
                onClick={submit}
              >
                {busy ? '提交中…' : '提交申请'}
              </Button>
            </View>
          </View>
        )
      }
    </RoleShell>
  );
}
