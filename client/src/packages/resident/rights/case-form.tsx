import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import TextAreaField from '../../../components/text-area-field';
import { isApiError } from '../../../services/api';
import { applyForRepair, raiseObjection, type CaseKind, type OpenedCase } from '../../../services/rights-api';
import './case-form.scss';

const MIN_LENGTH = 5;

const COPY: Record<CaseKind, { title: string; label: string; placeholder: string; submit: string; hint: string }> = {
  objection: {
    title: '提出异议',
    label: '异议理由',
    placeholder: '请说明这条记录哪里不对：信息错误、遗漏、超期公示或涉及隐私等',
    submit: '提交异议',
    hint: `至少 ${MIN_LENGTH} 个字`,
  },
  repair: {
    title: '申请信用修复',
    label: '修复说明',
    placeholder: '请说明您已如何纠正失信行为、履行了哪些义务（如已缴清罚款、已整改）',
    submit: '提交修复申请',
    hint: `至少 ${MIN_LENGTH} 个字；信用修复免费，无需任何中介`,
  },
};

// Shown in the form itself rather than as a toast.
const QUIET = ['OBJECTION_OPEN', 'OBJECTION_NOT_ALLOWED', 'REPAIR_OPEN', 'REPAIR_NOT_ALLOWED', 'VALIDATION_FAILED', 'NOT_FOUND'];

interface CaseFormProps {
  kind: CaseKind;
  eventId: string;
  onDone: (opened: OpenedCase) => void;
  onCancel: () => void;
}

/** The reason (objection) or statement (repair) for one record, sent once however often it is tapped. */
export default function CaseForm({ kind, eventId, onDone, onCancel }: CaseFormProps) {
  const copy = COPY[kind];
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  const submit = async () => {
    if (sending.current) return;
    const value = text.trim();
    if (value.length < MIN_LENGTH) {
      setError(`请至少写 ${MIN_LENGTH} 个字`);
      return;
    }
    sending.current = true;
    setBusy(true);
    setError(null);
    try {
      const opened = kind === 'objection' ? await raiseObjection(eventId, value, { quietCodes: QUIET }) : await applyForRepair(eventId, value, { quietCodes: QUIET });
      onDone(opened);
    } catch (e) {
      setError(isApiError(e) ? e.message : '提交失败，请稍后重试');
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <View className='cx-case-form' data-testid={`${kind}-form`}>
      <Text className='cx-case-form__title'>{copy.title}</Text>
      <TextAreaField
        label={copy.label}
        value={text}
        onChange={(v) => {
          setText(v);
          setError(null);
        }}
        placeholder={copy.placeholder}
        hint={copy.hint}
        maxlength={500}
        error={error}
        testId={`${kind}-text`}
      />
      <View className='cx-case-form__actions'>
        <Button className='cx-btn cx-btn--secondary cx-case-form__btn' data-testid={`${kind}-cancel`} onClick={onCancel}>
          取消
        </Button>
        <Button className='cx-btn cx-case-form__btn' data-testid={`${kind}-submit`} disabled={busy ? true : undefined} onClick={submit}>
          {busy ? '提交中…' : copy.submit}
        </Button>
      </View>
    </View>
  );
}
