import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Field, { type FieldMessage } from '../../../components/loans/field';
import Segmented from '../../../components/segmented';
import TextAreaField from '../../../components/text-area-field';
import { submitCreditRecords, type DepartmentMe, type RuleView, type SubjectType } from '../../../services/department-api';
import { DEPARTMENT_PAGES } from '../../../services/department-pages';
import { chinaToday } from '../../../services/time';
import { callFailureText } from '../shared/codes';
import SectionState from '../shared/section-state';
import { SEVERITY_LABELS } from '../shared/rules';
import { maskSubject, normaliseSubjectId, SUBJECT_ID_LABELS, SUBJECT_TYPE_LABELS, subjectHint } from '../shared/subject';
import { DepartmentShell, isSuspended, useDepartmentMe, useDepartmentRules } from '../shared/workbench';
import { earliestDay, formErrors, generateSourceId, NOTE_MAX, singleOutcome, SOURCE_ID_MAX, toRecord, type FormErrors, type SingleOutcome } from './form';
import RulePicker from './rule-picker';
import { labelled } from '../../../components/field-label';
import './index.scss';

const SUBJECT_OPTIONS = [
  { value: 'person', label: '个人' },
  { value: 'enterprise', label: '企业' },
] as const;

interface Sent {
  outcome: SingleOutcome;
  sourceId: string;
  subjectMasked: string;
  ruleTitle: string;
}

function ResultCard({ sent, onNext }: { sent: Sent; onNext: () => void }) {
  const accepted = sent.outcome.kind === 'accepted';
  return (
    <View className={`cx-dept-card cx-submit-result cx-submit-result--${sent.outcome.kind}`} data-testid='submit-result' data-outcome={sent.outcome.kind}>
      <View className='cx-submit-result__head'>
        <Text className='cx-submit-result__mark'>{accepted ? '✓' : '='}</Text>
        <Text className='cx-submit-result__title' data-testid='submit-result-title'>
          {accepted ? '已接收' : '重复记录'}
        </Text>
      </View>
      <Text className='cx-submit-result__text' data-testid='submit-result-text'>
        {accepted
          ? '记录已归集到信用档案。若当事人尚未在本平台注册，记录会在其注册后生效。'
          : `来源编号 ${sent.sourceId} 此前已报送过，本次未重复记录。如需报送另一条记录，请使用新的来源编号。`}
      </Text>
      <View className='cx-submit-result__facts'>
        <Text className='cx-submit-result__fact'>规则：{sent.ruleTitle}</Text>
        <Text className='cx-submit-result__fact'>主体：{sent.subjectMasked}</Text>
        <Text className='cx-submit-result__fact'>来源编号：{sent.sourceId}</Text>
      </View>
      <View className='cx-dept-actions'>
        <Button className='cx-btn' data-testid='submit-next' onClick={onNext}>
          再报送一条
        </Button>
        <Button
          className='cx-btn cx-btn--secondary'
          data-testid='submit-to-records'
          onClick={() => void Taro.navigateTo({ url: DEPARTMENT_PAGES.records })}
        >
          查看已报送记录
        </Button>
      </View>
    </View>
  );
}

function SubmitForm({ user, rules }: { user: DepartmentMe; rules: readonly RuleView[] }) {
  const today = chinaToday();
  const [subjectType, setSubjectType] = useState<SubjectType>('person');
  const [subjectId, setSubjectId] = useState('');
  const [rule, setRule] = useState<RuleView | null>(null);
  const [day, setDay] = useState(today);
  const [note, setNote] = useState('');
  const [sourceId, setSourceId] = useState(() => generateSourceId(user.orgId ?? ''));
  const [errors, setErrors] = useState<FormErrors>({});
  const [rejection, setRejection] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const suspended = isSuspended(user);

  const clearError = (key: keyof FormErrors) => {
    setErrors((e) => ({ ...e, [key]: undefined }));
    setRejection(null);
  };

  const chooseType = (type: SubjectType) => {
    setSubjectType(type);
    if (rule && rule.subjectType !== type) setRule(null);
    setErrors({});
    setRejection(null);
  };

  const submit = async () => {
    if (sending.current || suspended) return;
    const form = { subjectType, subjectId, rule, day, note, sourceId };
    const found = formErrors(form, today);
    setErrors(found);
    setRejection(null);
    if (Object.values(found).some(Boolean) || !rule) return;

    sending.current = true;
    setBusy(true);
    try {
      const answer = await submitCreditRecords([toRecord({ ...form, rule })], { silent: true });
      const outcome = singleOutcome(answer);
      if (outcome.kind === 'rejected') {
        setRejection(outcome.reason);
        if (outcome.field) setErrors({ [outcome.field]: outcome.reason });
      } else {
        setSent({ outcome, sourceId, subjectMasked: maskSubject(subjectType, subjectId), ruleTitle: rule.title });
      }
    } catch (e) {
      setRejection(callFailureText(e));
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  const next = () => {
    setSent(null);
    setSubjectId('');
    setNote('');
    setErrors({});
    setRejection(null);
    setSourceId(generateSourceId(user.orgId ?? ''));
  };

  if (sent) return <ResultCard sent={sent} onNext={next} />;

  const subjectMessage: FieldMessage | null = errors.subject ? { tone: 'error', text: errors.subject } : subjectHint(subjectType, subjectId);

  return (
    <View className='cx-submit' data-testid='submit-form'>
      <View className='cx-dept-card'>
        <Text className='cx-submit__label'>主体类型</Text>
        <Segmented options={SUBJECT_OPTIONS} value={subjectType} onChange={chooseType} testId='submit-type' />
        <Field label={SUBJECT_ID_LABELS[subjectType]} message={subjectMessage} testId='submit-subject'>
          <Input
            className='cx-loan-field__input cx-submit__code'
            data-testid='submit-subject'
            {...labelled(SUBJECT_ID_LABELS[subjectType])}
            value={subjectId}
            maxlength={24}
            type={subjectType === 'person' ? 'idcard' : 'text'}
            placeholder={subjectType === 'person' ? '18 位身份证号码' : '18 位统一社会信用代码'}
            onInput={(e) => {
              setSubjectId(normaliseSubjectId(e.detail.value));
              clearError('subject');
            }}
          />
        </Field>
        <RulePicker
          rules={rules}
          subjectType={subjectType}
          selected={rule}
          error={errors.rule}
          onSelect={(r) => {
            setRule(r);
            clearError('rule');
          }}
        />
        {rule?.severity && (
          <View className='cx-submit__severity' data-testid='submit-severity'>
            <Text className='cx-submit__label'>严重程度</Text>
            <Text className={`cx-dept-chip cx-dept-chip--${rule.severity === 'light' ? 'warn' : 'bad'}`}>{SEVERITY_LABELS[rule.severity]}</Text>
            <Text className='cx-submit__severity-note'>由规则确定，随记录一并报送</Text>
          </View>
        )}
      </View>

      <View className='cx-dept-card'>
        <Field
          label='发生日期'
          message={errors.day ? { tone: 'error', text: errors.day } : { tone: 'info', text: '行为发生或决定作出的日期，不能晚于今天' }}
          testId='submit-day'
        >
          <Picker
            mode='date'
            className='cx-loan-field__picker'
            data-testid='submit-day'
            value={day}
            start={earliestDay(today)}
            end={today}
            onChange={(e) => {
              setDay(String(e.detail.value));
              clearError('day');
            }}
          >
            <Text data-testid='submit-day-value'>{day}</Text>
          </Picker>
        </Field>
        <TextAreaField
          label='备注（选填）'
          value={note}
          maxlength={NOTE_MAX}
          placeholder='如决定书文号、简要情况（不要填写身份证号码等个人信息）'
          error={errors.note}
          testId='submit-note'
          onChange={(v) => {
            setNote(v);
            clearError('note');
          }}
        />
        <Field
          label='来源编号'
          message={errors.sourceId ? { tone: 'error', text: errors.sourceId } : { tone: 'info', text: '本部门内唯一；同一编号重复提交只记一次，可改为业务系统中的编号' }}
          testId='submit-source'
        >
          <Input
            className='cx-loan-field__input cx-submit__source'
            data-testid='submit-source'
            {...labelled('来源编号')}
            value={sourceId}
            maxlength={SOURCE_ID_MAX}
            onInput={(e) => {
              setSourceId(e.detail.value.trim());
              clearError('sourceId');
            }}
          />
        </Field>
        <View className='cx-submit__regen-row'>
          <Text
            role='button'
            className='cx-submit__regen'
            data-testid='submit-source-regen'
            onClick={() => {
              setSourceId(generateSourceId(user.orgId ?? ''));
              clearError('sourceId');
            }}
          >
            重新生成编号
          </Text>
        </View>

        {rejection && (
          <View className='cx-dept-error' data-testid='submit-rejected' role='alert'>
            <Text className='cx-submit__rejected-title'>未能报送</Text>
            <Text data-testid='submit-rejected-reason'>{rejection}</Text>
          </View>
        )}

        <Button
          className='cx-btn cx-btn--block cx-submit__send'
          data-testid='submit-send'
          disabled={busy || suspended ? true : undefined}
          onClick={submit}
        >
          {busy ? '提交中…' : suspended ? '报送权限已暂停' : '提交报送'}
        </Button>
        <Text className='cx-submit__foot'>
          报送主体：{SUBJECT_TYPE_LABELS[subjectType]} · 报送后可在「已报送记录」中查看状态
        </Text>
      </View>
    </View>
  );
}

function SubmitArea({ user }: { user: DepartmentMe }) {
  const rules = useDepartmentRules(user);
  return (
    <SectionState loading={rules.loading && !rules.data} error={rules.error} onRetry={() => void rules.reload()} testId='submit-rules'>
      {rules.data && <SubmitForm user={user} rules={rules.data} />}
    </SectionState>
  );
}

/** 报送一条记录: one credit record typed in, checked as it is typed, sent once however often it is tapped. */
export default function SubmitPage() {
  const session = useDepartmentMe();
  return (
    <DepartmentShell session={session} title='报送一条记录'>
      {(user) => <SubmitArea user={user} />}
    </DepartmentShell>
  );
}
