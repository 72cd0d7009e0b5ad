import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import RoleShell, { useRoleMe } from '../../../components/loans/role-shell';
import Chips from '../../../components/loans/chips';
import Field, { errorMessage, type FieldMessage } from '../../../components/loans/field';
import { useRequest } from '../../../hooks/use-request';
import { isApiError } from '../../../services/api';
import { createProduct, getLoanProducts, updateProduct, type ProductView } from '../../../services/loans-api';
import { amountRange, rateRange } from '../../../services/loans-format';
import { EMPTY_FORM, formField, formOf, validateProduct, type ProductErrors, type ProductForm } from './validate';
import { labelled } from '../../../components/field-label';
import './index.scss';

const GRADES = (['A', 'B', 'C', 'D'] as const).map((g) => ({ value: g, label: `${g} 级` }));
const TAX_GRADES = (['A', 'B', 'M', 'C', 'D'] as const).map((g) => ({ value: g, label: `${g} 级` }));
const YES_NO = [
  { value: 'yes', label: '要求无' },
  { value: 'no', label: '不要求' },
] as const;

type NumberKey = 'minAmount' | 'maxAmount' | 'minTermMonths' | 'maxTermMonths' | 'annualRateMin' | 'annualRateMax' | 'maxPenalties12m' | 'minYearsOperating';

/** The bank's own product (withdrawn included), or null when it is not one of them. */
async function loadOwnProduct(id: string): Promise<ProductView | null> {
  const { items } = await getLoanProducts({ mine: true });
  return items.find((p) => p.id === id) ?? null;
}

/**
 * Publish or edit a product: ranges and rates checked as typed (minimum ≤ maximum), criteria by
 * chips. Editing sends the version it started from, so a concurrent edit is refused, not lost.
 */
export default function ProductEditPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const editing = id !== '';
  const me = useRoleMe('bank');
  const existing = useRequest(() => loadOwnProduct(id), [id], me.allowed && editing);
  const [form, setForm] = useState<ProductForm>(EMPTY_FORM);
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<ProductErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  const product = existing.data;
  useEffect(() => {
    if (product) setForm(formOf(product));
    if (editing) void Taro.setNavigationBarTitle({ title: '编辑产品' }).catch(() => undefined);
    else void Taro.setNavigationBarTitle({ title: '发布新产品' }).catch(() => undefined);
  }, [product, editing]);

  const checked = validateProduct(form);
  // As typed: a field shows its problem once it has a value, every field after the first 保存.
  const shownError = (k: keyof ProductForm): FieldMessage | null => {
    const e = serverErrors[k] ?? checked.errors[k];
    if (!e) return null;
    const value = form[k];
    return touched || (typeof value === 'string' && value.trim() !== '') ? errorMessage(e) : null;
  };

  const set = <K extends keyof ProductForm>(k: K, v: ProductForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setServerErrors((e) => ({ ...e, [k]: undefined }));
  };

  const numberField = (k: NumberKey, label: string, suffix: string, placeholder: string, info?: string) => (
    <Field label={label} suffix={suffix} message={shownError(k) ?? (info ? { tone: 'info', text: info } : null)} testId={`pe-${k}`}>
      <Input
        className='cx-loan-field__input'
        data-testid={`pe-${k}`}
        {...labelled(`${label}（${suffix}）`)}
        type={k.startsWith('annualRate') || k === 'minYearsOperating' ? 'digit' : 'number'}
        value={form[k]}
        maxlength={12}
        placeholder={placeholder}
        onInput={(e) => set(k, e.detail.value)}
      />
    </Field>
  );

  const save = async () => {
    if (sending.current) return;
    setTouched(true);
    setFormError(null);
    const { input } = validateProduct(form);
    if (!input) return;
    sending.current = true;
    setBusy(true);
    try {
      if (editing && product) await updateProduct(product.id, input, product.updatedAt, { quietCodes: ['VALIDATION_FAILED', 'EDIT_CONFLICT'] });
      else await createProduct(input, { quietCodes: ['VALIDATION_FAILED'] });
      void Taro.showToast({ title: editing ? '已保存' : '已发布', icon: 'success', duration: 1500 });
      void Taro.navigateBack().catch(() => undefined);
    } catch (e) {
      if (!isApiError(e)) {
        setFormError('保存失败，请稍后重试');
      } else if (e.code === 'VALIDATION_FAILED' && Array.isArray(e.details)) {
        const next: ProductErrors = {};
        for (const d of e.details as { field?: string; message?: string }[]) {
          const k = d.field ? formField(d.field) : null;
          if (k && d.message) next[k] = d.message;
        }
        setServerErrors(next);
        setFormError(e.message);
      } else {
        setFormError(e.code === 'EDIT_CONFLICT' ? `${e.message}（下拉页面可重新载入）` : e.message);
      }
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  const preview = checked.input;

  return (
    <RoleShell
      me={me}
      name='产品管理'
      loading={editing && product === undefined && !existing.error}
      error={existing.error}
      onRetry={existing.reload}
      empty={editing && product === null}
      emptyTitle='产品不存在'
      emptyDescription='该产品不属于本行，或已被删除。'
    >
      {() => (
        <View data-testid='product-edit-page'>
          {product?.status === 'withdrawn' && (
            <View className='cx-card cx-pe__withdrawn'>
              <Text>该产品已下架：修改后仍保持下架状态。</Text>
            </View>
          )}
          <View className='cx-card'>
            <Text className='cx-section-title'>基本信息</Text>
            <Field label='产品名称' message={shownError('name')} testId='pe-name'>
              <Input
                className='cx-loan-field__input'
                data-testid='pe-name'
                {...labelled('产品名称')}
                value={form.name}
                maxlength={30}
                placeholder='如 诚信贷'
                onInput={(e) => set('name', e.detail.value)}
              />
            </Field>
            <Field label='产品介绍' optional message={shownError('description')} testId='pe-description'>
              <Textarea
                className='cx-loan-field__textarea'
                data-testid='pe-description'
                {...labelled('产品介绍')}
                value={form.description}
                maxlength={500}
                placeholder='面向哪些企业、有何特点'
                onInput={(e) => set('description', e.detail.value)}
              />
            </Field>
          </View>

          <View className='cx-card'>
            <Text className='cx-section-title'>额度、期限与利率</Text>
            <View className='cx-pe__pair'>
              {numberField('minAmount', '最低额度', '元', '100000')}
              {numberField('maxAmount', '最高额度', '元', '3000000')}
            </View>
            <View className='cx-pe__pair'>
              {numberField('minTermMonths', '最短期限', '个月', '6')}
              {numberField('maxTermMonths', '最长期限', '个月', '36')}
            </View>
            <View className='cx-pe__pair'>
              {numberField('annualRateMin', '最低年利率', '%', '3.45')}
              {numberField('annualRateMax', '最高年利率', '%', '4.35')}
            </View>
            {preview && (
              <Text className='cx-pe__preview' data-testid='pe-preview'>
                企业将看到：额度 {amountRange(preview.minAmount, preview.maxAmount)} · 期限 {preview.minTermMonths}–{preview.maxTermMonths} 个月 · 年利率{' '}
                {rateRange(preview.annualRateMin, preview.annualRateMax)}
              </Text>
            )}
          </View>

          <View className='cx-card'>
            <Text className='cx-section-title'>申请条件</Text>
            <Text className='cx-pe__label'>公共信用综合评价不低于</Text>
            <Chips options={GRADES} value={form.minGrade} onChange={(v) => set('minGrade', v)} testId='pe-min-grade' label='最低评价等级' />
            <Text className='cx-pe__label'>公示中的严重失信记录</Text>
            <Chips
              options={YES_NO}
              value={form.noSeriousDishonesty ? 'yes' : 'no'}
              onChange={(v) => set('noSeriousDishonesty', v === 'yes')}
              testId='pe-no-serious'
              label='严重失信记录'
            />
            <View className='cx-pe__gap' />
            {numberField('maxPenalties12m', '近 12 个月行政处罚不超过', '次', '1')}
            {numberField('minYearsOperating', '经营年限不少于', '年', '0', '不限填 0，可填一位小数，如 0.5')}
            <Text className='cx-pe__label'>纳税信用等级不低于</Text>
            <Chips options={TAX_GRADES} value={form.minTaxGrade} onChange={(v) => set('minTaxGrade', v)} testId='pe-min-tax' label='最低纳税信用等级' />
            <Text className='cx-pe__hint'>纳税信用等级由高到低为 A、B、M、C、D（M 为新设立企业）。</Text>
          </View>

          {formError && (
            <View className='cx-loan-form-error' data-testid='pe-error' role='alert'>
              <Text>{formError}</Text>
            </View>
          )}
          <Button className='cx-btn cx-btn--block cx-pe__save' data-testid='pe-save' disabled={busy ? true : undefined} onClick={save}>
            {busy ? '保存中…' : editing ? '保存修改' : '发布产品'}
          </Button>
        </View>
      )}
    </RoleShell>
  );
}
