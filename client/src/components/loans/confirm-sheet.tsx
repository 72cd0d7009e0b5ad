import { useRef, useState, type ReactNode } from 'react';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { isApiError } from '../../services/api';
import './confirm-sheet.scss';

export interface SheetInput {
  kind: 'text' | 'number';
  label: string;
  placeholder?: string;
  initial?: string;
  /** The message that stops confirming, or null when the value is acceptable. */
  validate: (value: string) => string | null;
  maxlength?: number;
  suffix?: string;
}

interface ConfirmSheetProps {
  title: string;
  message?: ReactNode;
  confirmText: string;
  tone?: 'primary' | 'danger';
  input?: SheetInput;
  /** Runs the action; a thrown ApiError's message is shown in the sheet, which stays open. */
  onConfirm: (value: string) => Promise<void> | void;
  onCancel: () => void;
  testId?: string;
}

/**
 * A confirmation in a bottom sheet (rather than the system modal) so it can ask for a reason or an
 * amount, follows 大字模式 (it sits inside the page root), and ignores a second tap while the action runs.
 */
export default function ConfirmSheet({ title, message, confirmText, tone = 'primary', input, onConfirm, onCancel, testId = 'confirm-sheet' }: ConfirmSheetProps) {
  const [value, setValue] = useState(input?.initial ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

  const confirm = async () => {
    if (running.current) return;
    const problem = input ? input.validate(value) : null;
    setError(problem);
    if (problem) return;
    running.current = true;
    setBusy(true);
    try {
      await onConfirm(value.trim());
    } catch (e) {
      setError(isApiError(e) ? e.message : '操作失败，请稍后重试');
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <View className='cx-sheet' data-testid={testId} role='dialog' aria-label={title}>
      <View className='cx-sheet__panel'>
        <Text className='cx-sheet__title'>{title}</Text>
        {message && <View className='cx-sheet__message'>{message}</View>}
        {input && (
          <View className='cx-sheet__field'>
            <Text className='cx-sheet__label'>{input.label}</Text>
            <View className={`cx-sheet__box${error ? ' cx-sheet__box--error' : ''}`}>
              {input.kind === 'text' ? (
                <Textarea
                  className='cx-sheet__textarea'
                  data-testid={`${testId}-input`}
                  value={value}
                  maxlength={input.maxlength ?? 300}
                  placeholder={input.placeholder}
                  onInput={(e) => {
                    setValue(e.detail.value);
                    setError(null);
                  }}
                />
              ) : (
                <Input
                  className='cx-sheet__input'
                  data-testid={`${testId}-input`}
                  type='number'
                  value={value}
                  maxlength={input.maxlength ?? 12}
                  placeholder={input.placeholder}
                  onInput={(e) => {
                    setValue(e.detail.value);
                    setError(null);
                  }}
                />
              )}
              {input.suffix && <Text className='cx-sheet__suffix'>{input.suffix}</Text>}
            </View>
          </View>
        )}
        {error && (
          <Text className='cx-sheet__error' data-testid={`${testId}-error`}>
            {error}
          </Text>
        )}
        <View className='cx-sheet__actions'>
          <Button className='cx-btn cx-btn--secondary cx-sheet__btn' data-testid={`${testId}-cancel`} onClick={onCancel}>
            取消
          </Button>
          <Button
            className={`cx-btn cx-sheet__btn${tone === 'danger' ? ' cx-sheet__btn--danger' : ''}`}
            data-testid={`${testId}-confirm`}
            disabled={busy ? true : undefined}
            onClick={confirm}
          >
            {busy ? '处理中…' : confirmText}
          </Button>
        </View>
      </View>
    </View>
  );
}
