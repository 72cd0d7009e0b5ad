import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Field, { type FieldMessage } from '../../../components/loans/field';
import Segmented from '../../../components/segmented';
import TextAreaField from '../../../components/text-area-field';
import { labelled } from '../../../components/field-label';
import type { DepartmentMe } from '../../../services/department-api';
import { DISCLOSURE_PAGES, KIND_LABELS, publishDisclosures, SEVERITY_OPTIONS, type DisclosureKind } from '../../../services/disclosures-api';
import { chinaToday } from '../../../services/time';
import { usccHint as registerHint } from '../../enterprise/register/uscc-hint';
import { callFailureText } from '../shared/codes';
import { DepartmentShell, isSuspended, useDepartmentMe } from '../shared/workbench';
import { generateSourceId } from '../submit/form';
import { draftErrors, emptyDraft, outcomeOf, toItem, type DisclosureDraft, type DraftErrors, type DraftField, type SendOutcome } from './draft';
import '../submit/index.scss';
import './index.scss';

/** The code's check as typed; a 双公示 shows the code in full, so a passing code just says so. */
const usccHint = (value: string): FieldMessage | null => {
  const hint = registerHint(value);
  return hint?.tone === 'ok' ? { tone: 'ok', text: '代码校验通过' } : hint;
};

const KIND_OPTIONS = [
  { value: 'penalty', label: '行政处罚（CF）' },
  { value: 'license', label: '行政许可（XK）' },
] as const;
const PROCEDURE_OPTIONS = [
  { value: 'no', label: '一般程序' },
  { value: 'yes', label: '简易程序' },
] as const;

const LABELS: Record<DisclosureKind, { decisionNo: string; category: string; content: string; legalBasis: string; decidedOn: string }> = {
  penalty: { decisionNo: '行政处罚决定书文号', category: '处罚类别', content: '处罚内容', legalBasis: '处罚依据', decidedOn: '处罚决定日期' },
  license: { decisionNo: '行政许可决定文书号', category: '许可类别', content: '许可内容', legalBasis: '许可依据', decidedOn: '许可决定日期' },
};

function Result({ outcome, draft, onNext }: { outcome: Exclude<SendOutcome, { kind: 'rejected' }>; draft: DisclosureDraft; onNext: () => void }) {
  const accepted = outcome.kind === 'accepted';
  return (
    <View className={`cx-dept-card cx-submit-result cx-submit-result--${outcome.kind}`} data-testid='disclosure-result' data-outcome={outcome.kind}>
      <View className='cx-submit-result__head'>
        <Text className='cx-submit-result__mark'>{accepted ? '✓' : '='}</Text>
        <Text className='cx-submit-result__title' data-testid='disclosure-result-title'>
          {accepted ? '已公示' : '重复报送'}
        </Text>
      </View>
      <Text className='cx-submit-result__text'>
        {accepted
          ? draft.kind === 'penalty'
            ? '处罚决定已接收，按失信程度在公示期内向社会公示，并记入企业信用档案。'
            : '许可决定已接收并向社会公示。'
          : `数据编号 ${draft.sourceId} 此前已报送过相同内容，本次未重复记录。`}
      </Text>
      {outcome.late && (
        <View className='cx-dept__banner cx-dept__banner--warning' data-testid='disclosure-result-late'>
          <Text>该决定在作出 7 个工作日后才报送，已标记为「迟报」并计入本部门统计。</Text>
        </View>
      )}
      <View className='cx-submit-result__facts'>
        <Text className='cx-submit-result__fact'>
          {KIND_LABELS[draft.kind]}：{draft.decisionNo}
        </Text>
        <Text className='cx-submit-result__fact'>行政相对人：{draft.partyName}</Text>
        <Text className='cx-submit-result__fact'>数据编号：{draft.sourceId}</Text>
      </View>
      <View className='cx-dept-actions'>
        <Button className='cx-btn' data-testid='disclosure-next' onClick={onNext}>
          再报送一项
        </Button>
        <Button className='cx-btn cx-btn--secondary' data-testid='disclosure-to-list' onClick={() => void Taro.redirectTo({ url: DISCLOSURE_PAGES.list })}>
          查看双公示列表
        </Button>
      </View>
    </View>
  );
}

function DisclosureForm({ user }: { user: DepartmentMe }) {
  const today = chinaToday();
  const newId = () => generateSourceId(user.orgId ?? '');
  const [draft, setDraft] = useState<DisclosureDraft>(() => emptyDraft('penalty', newId(), today));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [rejection, setRejection] = useState<string | null>(null);
  const [sent, setSent] = useState<Exclude<SendOutcome, { kind: 'rejected' }> | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const suspended = isSuspended(user);
  const labels = LABELS[draft.kind];

  const set = <K extends DraftField>(field: K, value: DisclosureDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setRejection(null);
  };
  const message = (field: DraftField, hint?: string): FieldMessage | null => (errors[field] ? { tone: 'error', text: errors[field]! } : hint ? { tone: 'info', text: hint } : null);

  const submit = async () => {
    if (sending.current || suspended) return;
    const found = draftErrors(draft, today);
    setErrors(found);
    setRejection(null);
    if (Object.values(found).some(Boolean)) return;
    sending.current = true;
    setBusy(true);
    try {
      const outcome = outcomeOf(await publishDisclosures([toItem(draft)], { silent: true }));
      if (outcome.kind === 'rejected') setRejection(outcome.reason);
      else setSent(outcome);
    } catch (e) {
      setRejection(callFailureText(e));
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <Result
        outcome={sent}
        draft={draft}
        onNext={() => {
          setSent(null);
          setDraft(emptyDraft(draft.kind, newId(), today));
        }}
      />
    );
  }

  const text = (field: 'partyName' | 'decisionNo' | 'category' | 'legalBasis', label: string, placeholder: string, max: number) => (
    <Field label={label} message={message(field)} testId={`disclosure-${field}`}>
      <Input
        className='cx-loan-field__input'
        data-testid={`disclosure-${field}`}
        {...labelled(label)}
        value={draft[field]}
        maxlength={max}
        placeholder={placeholder}
        onInput={(e) => set(field, e.detail.value)}
      />
    </Field>
  );
  const day = (field: 'decidedOn' | 'validFrom' | 'validTo', label: string, end?: string) => (
    <Field label={label} message={message(field)} testId={`disclosure-${field}`}>
      <Picker mode='date' className='cx-loan-field__picker' data-testid={`disclosure-${field}`} value={draft[field] || today} end={end} onChange={(e) => set(field, String(e.detail.value))}>
        <Text data-testid={`disclosure-${field}-value`}>{draft[field] || '请选择'}</Text>
      </Picker>
    </Field>
  );

  return (
    <View className='cx-submit' data-testid='disclosure-form'>
      <View className='cx-dept-card'>
        <Text className='cx-submit__label'>决定类型</Text>
        <Segmented
          options={KIND_OPTIONS}
          value={draft.kind}
          onChange={(kind) => {
            setDraft((d) => ({ ...emptyDraft(kind, d.sourceId, today), uscc: d.uscc, partyName: d.partyName }));
            setErrors({});
            setRejection(null);
          }}
          testId='disclosure-kind'
        />
        {text('partyName', '行政相对人名称', '企业全称，与营业执照一致', 100)}
        <Field label='统一社会信用代码' message={errors.uscc ? { tone: 'error', text: errors.uscc } : usccHint(draft.uscc)} testId='disclosure-uscc'>
          <Input
            className='cx-loan-field__input cx-submit__code'
            data-testid='disclosure-uscc'
            {...labelled('统一社会信用代码')}
            value={draft.uscc}
            maxlength={20}
            placeholder='18 位统一社会信用代码'
            onInput={(e) => set('uscc', e.detail.value.replace(/\s+/g, '').toUpperCase())}
          />
        </Field>
        {text('decisionNo', labels.decisionNo, draft.kind === 'penalty' ? '如 管市监罚〔2026〕12号' : '如 JY14101040012345', 64)}
        {day('decidedOn', labels.decidedOn, today)}
      </View>

      <View className='cx-dept-card'>
        {text('category', labels.category, draft.kind === 'penalty' ? '警告、通报批评、罚款、没收违法所得…' : '普通、特许、认可、核准、登记、其他', 50)}
        <TextAreaField
          label={labels.content}
          value={draft.content}
          maxlength={500}
          placeholder={draft.kind === 'penalty' ? '违法事实与处罚结果' : '许可的事项与范围'}
          error={errors.content}
          testId='disclosure-content'
          onChange={(v) => set('content', v)}
        />
        {text('legalBasis', labels.legalBasis, '法律、法规、规章的名称和条款', 300)}
        {draft.kind === 'penalty' ? (
          <View>
            <Text className='cx-submit__label'>失信程度</Text>
            <Segmented options={SEVERITY_OPTIONS} value={draft.severity} onChange={(v) => set('severity', v)} testId='disclosure-severity' />
            <Text className='cx-disclosure__hint'>一般：公示 3 个月至 1 年；严重：公示 1 年至 3 年；轻微不予公示。</Text>
            <Text className='cx-submit__label'>程序</Text>
            <Segmented options={PROCEDURE_OPTIONS} value={draft.simpleProcedure ? 'yes' : 'no'} onChange={(v) => set('simpleProcedure', v === 'yes')} testId='disclosure-procedure' />
            <Text className='cx-disclosure__hint'>简易程序作出的处罚和仅警告的处罚不予公示，但仍记入信用档案。</Text>
            <Field label='罚款金额（元，选填）' message={message('fineYuan')} testId='disclosure-fineYuan'>
              <Input
                className='cx-loan-field__input'
                data-testid='disclosure-fineYuan'
                {...labelled('罚款金额')}
                type='digit'
                value={draft.fineYuan}
                placeholder='如 5000'
                onInput={(e) => set('fineYuan', e.detail.value.trim())}
              />
            </Field>
          </View>
        ) : (
          <View>
            {day('validFrom', '有效期自')}
            {day('validTo', '有效期至')}
          </View>
        )}
        <Field label='数据编号' message={message('sourceId', '本部门内唯一；同一编号再次报送视为更正，内容相同则不重复记录')} testId='disclosure-sourceId'>
          <Input className='cx-loan-field__input cx-submit__source' data-testid='disclosure-sourceId' {...labelled('数据编号')} value={draft.sourceId} maxlength={48} onInput={(e) => set('sourceId', e.detail.value.trim())} />
        </Field>

        {rejection && (
          <View className='cx-dept-error' data-testid='disclosure-rejected' role='alert'>
            <Text className='cx-submit__rejected-title'>未能报送</Text>
            <Text data-testid='disclosure-rejected-reason'>{rejection}</Text>
          </View>
        )}
        <Button className='cx-btn cx-btn--block cx-submit__send' data-testid='disclosure-send' disabled={busy || suspended ? true : undefined} onClick={() => void submit()}>
          {busy ? '提交中…' : suspended ? '报送权限已暂停' : '提交公示'}
        </Button>
        <Text className='cx-submit__foot'>决定机关：{user.org?.name ?? '本部门'}（按报送部门自动填写）</Text>
      </View>
    </View>
  );
}

/** 报送双公示决定: one licensing or penalty decision with the national standard's fields. */
export default function DisclosureSubmitPage() {
  const session = useDepartmentMe();
  return (
    <DepartmentShell session={session} title='报送双公示决定'>
      {(user) => <DisclosureForm user={user} />}
    </DepartmentShell>
  );
}
