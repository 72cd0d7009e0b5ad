import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import ConfirmDialog from '../../../components/confirm-dialog';
import Segmented from '../../../components/segmented';
import TextAreaField from '../../../components/text-area-field';
import { decideCase, type CaseDecision } from '../../../services/admin-api';
import type { CaseView } from '../../../services/rights-api';
import './answer-form.scss';

const MIN_REASON = 4;

const CHOICES = {
  objection: [
    { value: 'reject', label: '异议不成立', effect: '记录保持不变，理由将告知申请人。' },
    { value: 'uphold', label: '异议成立', effect: '这条记录将被撤销，不再计分，申请人的积分或评价随之重新计算。' },
  ],
  repair: [
    { value: 'approve', label: '同意修复', effect: '记录停止计分，不再向他人展示，申请人的积分或评价随之恢复。' },
    { value: 'reject', label: '不予修复', effect: '记录保持不变，理由将告知申请人。' },
  ],
} as const;

interface AnswerFormProps {
  c: CaseView;
  onAnswered: (answered: CaseView) => void;
  onCancel: () => void;
}

/** The department's answer to one case: a decision and its reason, confirmed before it is sent. */
export default function AnswerForm({ c, onAnswered, onCancel }: AnswerFormProps) {
  const choices = CHOICES[c.kind];
  const [decision, setDecision] = useState<CaseDecision>(choices[0].value);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const chosen = choices.find((x) => x.value === decision) ?? choices[0];

  const review = () => {
    if (reason.trim().length < MIN_REASON) {
      setError(`请说明理由（至少 ${MIN_REASON} 个字）`);
      return;
    }
    setConfirming(true);
  };

  const send = async () => {
    const answered = await decideCase(c.kind, c.id, decision, reason.trim(), { quietCodes: ['CASE_CLOSED', 'VALIDATION_FAILED', 'NOT_FOUND'] });
    setConfirming(false);
    onAnswered(answered);
  };

  return (
    <View className='cx-answer' data-testid='answer-form'>
      <Text className='cx-answer__title'>答复</Text>
      <Segmented options={choices} value={decision} onChange={setDecision} testId='answer-decision' />
      <Text className='cx-answer__effect'>{chosen.effect}</Text>
      <TextAreaField
        label='答复理由（申请人可见）'
        value={reason}
        onChange={(v) => {
          setReason(v);
          setError(null);
        }}
        placeholder='说明核查情况和依据'
        hint={`至少 ${MIN_REASON} 个字`}
        maxlength={500}
        error={error}
        testId='answer-reason'
      />
      <View className='cx-answer__actions'>
        <Button className='cx-btn cx-btn--secondary cx-answer__btn' data-testid='answer-cancel' onClick={onCancel}>
          取消
        </Button>
        <Button className='cx-btn cx-answer__btn' data-testid='answer-submit' onClick={review}>
          提交答复
        </Button>
      </View>
      {confirming && (
        <ConfirmDialog
          title={`确认答复：${chosen.label}？`}
          confirmText='确认答复'
          tone={decision === 'reject' ? 'primary' : 'danger'}
          onConfirm={send}
          onCancel={() => setConfirming(false)}
          testId='answer-confirm'
        >
          <Text className='cx-answer__line'>记录：{c.eventTitle}</Text>
          <Text className='cx-answer__line'>{chosen.effect}</Text>
          <Text className='cx-answer__line'>理由：{reason.trim()}</Text>
          <Text className='cx-answer__line cx-answer__line--muted'>答复后不能修改。</Text>
        </ConfirmDialog>
      )}
    </View>
  );
}
