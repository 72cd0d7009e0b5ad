import { useRef, useState } from 'react';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import CommitmentCard from '../../../components/commitment-card';
import { labelled } from '../../../components/field-label';
import Field from '../../../components/loans/field';
import Segmented from '../../../components/segmented';
import TextAreaField from '../../../components/text-area-field';
import { isApiError } from '../../../services/api';
import { getPublicEnterprise, recordBreach, type CommitmentView, type PublicEnterprise } from '../../../services/commitments-api';
import { chinaDate, chinaToday } from '../../../services/time';
import { DepartmentShell, isSuspended, useDepartmentMe } from '../shared/workbench';
import type { DepartmentMe } from '../../../services/department-api';
import './index.scss';

type Severity = 'light' | 'general' | 'serious';
const SEVERITIES = [
  { value: 'light', label: '轻微' },
  { value: 'general', label: '一般' },
  { value: 'serious', label: '严重' },
] as const;

interface Recorded {
  title: string;
  ruleId: string;
  sourceId: string;
}

function BreachForm({ commitment, onDone, onCancel }: { commitment: CommitmentView; onDone: (r: Recorded) => void; onCancel: () => void }) {
  const today = chinaToday();
  const signedOn = chinaDate(commitment.signedAt);
  const [reason, setReason] = useState('');
  const [day, setDay] = useState(today);
  const [severity, setSeverity] = useState<Severity>('general');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  const submit = async () => {
    if (sending.current) return;
    if (reason.trim().length < 4) {
      setError('请说明违诺事由（至少 4 个字）');
      return;
    }
    sending.current = true;
    setBusy(true);
    setError(null);
    try {
      const res = await recordBreach(commitment.id, { reason: reason.trim(), occurredOn: day, severity }, { quietCodes: ['ALREADY_BREACHED', 'VALIDATION_FAILED', 'NOT_FOUND', 'ORG_SUSPENDED'] });
      onDone({ title: commitment.title, ruleId: res.record.ruleId, sourceId: res.record.sourceId });
    } catch (e) {
      setError(isApiError(e) ? e.message : '记录失败，请稍后重试');
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <View className='cx-dept-card cx-breach__form' data-testid='breach-form'>
      <Text className='cx-breach__form-title'>记录违诺：{commitment.title}</Text>
      {commitment.subjectMatter && <Text className='cx-breach__form-sub'>承诺事项：{commitment.subjectMatter}</Text>}
      <TextAreaField label='违诺事由' value={reason} onChange={(v) => { setReason(v); setError(null); }} maxlength={500} placeholder='核查发现的与承诺不符的事实' testId='breach-reason' />
      <Field label='违诺日期' message={{ tone: 'info', text: `不早于签署日 ${signedOn}，不晚于今天` }} testId='breach-day'>
        <Picker mode='date' className='cx-loan-field__picker' data-testid='breach-day' value={day} start={signedOn} end={today} onChange={(e) => setDay(String(e.detail.value))}>
          <Text data-testid='breach-day-value'>{day}</Text>
        </Picker>
      </Field>
      <Text className='cx-breach__label'>严重程度</Text>
      <Segmented options={SEVERITIES} value={severity} onChange={setSeverity} testId='breach-severity' />
      <Text className='cx-breach__note'>违诺将公开显示在该承诺上，并按信用信息目录「违背信用承诺」规则记入企业信用记录（每份承诺只记录一次）。</Text>
      {error && (
        <Text className='cx-breach__error' data-testid='breach-error' role='alert'>
          {error}
        </Text>
      )}
      <View className='cx-dept-actions'>
        <Button className='cx-btn' data-testid='breach-submit' disabled={busy ? true : undefined} onClick={() => void submit()}>
          确认记录
        </Button>
        <Button className='cx-btn cx-btn--secondary' data-testid='breach-cancel' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

function Breaches({ user }: { user: DepartmentMe }) {
  const [code, setCode] = useState('');
  const [found, setFound] = useState<PublicEnterprise | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<CommitmentView | null>(null);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [busy, setBusy] = useState(false);
  const suspended = isSuspended(user);

  const lookUp = async (uscc = code) => {
    const value = uscc.trim().toUpperCase();
    if (!/^[0-9A-Z]{18}$/.test(value)) {
      setLookupError('请输入 18 位统一社会信用代码');
      return;
    }
    setBusy(true);
    setLookupError(null);
    try {
      setFound(await getPublicEnterprise(value, { quietCodes: ['NOT_FOUND', 'INVALID_USCC'] }));
    } catch (e) {
      setFound(null);
      setLookupError(isApiError(e) ? e.message : '查询失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View data-testid='breaches-page'>
      <View className='cx-dept-card'>
        <Text className='cx-breach__intro'>按企业的统一社会信用代码找到其签署的信用承诺，记录核查发现的违诺。</Text>
        <Field label='统一社会信用代码' message={lookupError ? { tone: 'error', text: lookupError } : null} testId='breach-uscc'>
          <Input
            className='cx-loan-field__input'
            data-testid='breach-uscc'
            {...labelled('统一社会信用代码')}
            value={code}
            maxlength={18}
            placeholder='18 位统一社会信用代码'
            onInput={(e) => {
              setCode(e.detail.value.toUpperCase());
              setLookupError(null);
            }}
            onConfirm={() => void lookUp()}
          />
        </Field>
        <Button className='cx-btn cx-breach__go' data-testid='breach-lookup' disabled={busy ? true : undefined} onClick={() => void lookUp()}>
          查找承诺
        </Button>
      </View>

      {recorded && (
        <View className='cx-dept-card cx-breach__done' data-testid='breach-result' role='status'>
          <Text className='cx-breach__done-title'>已记录违诺</Text>
          <Text className='cx-breach__done-text'>「{recorded.title}」已公开显示违诺，并按规则 {recorded.ruleId} 记入企业信用记录（来源编号 {recorded.sourceId}）。</Text>
        </View>
      )}

      {found && (
        <View className='cx-dept-card' data-testid='breach-enterprise'>
          <Text className='cx-breach__name'>{found.name}</Text>
          <Text className='cx-breach__meta'>{`${found.uscc} · ${found.statusLabel}`}</Text>
          {found.commitments.length === 0 ? (
            <Text className='cx-breach__none' data-testid='breach-no-commitments'>
              该企业尚未签署信用承诺。
            </Text>
          ) : (
            found.commitments.map((c) =>
              chosen?.id === c.id ? (
                <BreachForm
                  key={c.id}
                  commitment={c}
                  onCancel={() => setChosen(null)}
                  onDone={(r) => {
                    setChosen(null);
                    setRecorded(r);
                    void lookUp(found.uscc);
                  }}
                />
              ) : (
                <CommitmentCard
                  key={c.id}
                  commitment={c}
                  {...(!c.breach && !suspended ? { action: { text: '记录违诺 ›', onClick: () => { setRecorded(null); setChosen(c); } } } : {})}
                />
              ),
            )
          )}
        </View>
      )}
    </View>
  );
}

/** 违诺记录: a department finds a business's commitments by its code and records a breach. */
export default function DepartmentBreachesPage() {
  const session = useDepartmentMe();
  return (
    <DepartmentShell session={session} title='违诺记录' subtitle='信用承诺'>
      {(user) => <Breaches user={user} />}
    </DepartmentShell>
  );
}
