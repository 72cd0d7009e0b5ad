import { useRef, useState, type ReactNode } from 'react';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { isApiError } from '../../services/api';
import { labelled } from '../field-label';
import './index.scss';

/** A value the confirmation asks for (a reason, an amount); only a bottom sheet asks. */
export interface DialogInput {
  kind: 'text' | 'number';
  label: string;
  placeholder?: string;
  initial?: string;
  /** The message that stops confirming, or null when the value is acceptable. */
  validate: (value: string) => string | null;
  maxlength?: number;
  suffix?: string;
}

interface ConfirmDialogProps {
  title: string;
  /** What confirming does, in full sentences. */
  children?: ReactNode;
  confirmText: string;
  cancelText?: string;
  tone?: 'primary' | 'danger';
  /** `center` (the default) for a dialog in the middle of the screen, `sheet` for one that rises from the bottom. */
  placement?: 'center' | 'sheet';
  input?: DialogInput;
  /** Runs the action with the (trimmed) input; a thrown error is shown in the dialog, which stays open. */
  onConfirm: (value: string) => Promise<void> | void;
  onCancel: () => void;
  testId?: string;
}

/**
 * A confirmation drawn inside the page (not the system modal), so it follows 大字模式, can explain
 * consequences in full sentences and ask for a reason or an amount, and ignores a second tap while
 * the action runs.
 */
export default function ConfirmDialog({
  title,
  children,
  confirmText,
  cancelText = '取消',
  tone = 'primary',
  placement = 'center',
  input,
  onConfirm,
  onCancel,
  testId = 'confirm-dialog',
}: ConfirmDialogProps) {
  const [value, setValue] = useState(input?.initial ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const block = placement === 'sheet' ? 'cx-sheet' : 'cx-dialog';

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

  const onInput = (e: { detail: { value: string } }) => {
    setValue(e.detail.value);
    setError(null);
  };

  return (
    <View className={block} data-testid={testId} role='dialog' aria-label={title} catchMove>
      <View className={`${block}__panel`}>
        <Text className={`${block}__title`}>{title}</Text>
        {children && <View className={`${block}__body`}>{children}</View>}
        {input && (
          <View className={`${block}__field`}>
            <Text className={`${block}__label`}>{input.label}</Text>
            <View className={`${block}__box${error ? ` ${block}__box--error` : ''}`}>
              {input.kind === 'text' ? (
                <Textarea
                  className={`${block}__textarea`}
                  // Inside a fixed layer the native textarea must be told so, or it drifts when the page scrolls.
                  fixed
                  data-testid={`${testId}-input`}
                  {...labelled(input.label)}
                  value={value}
                  maxlength={input.maxlength ?? 300}
                  placeholder={input.placeholder}
                  onInput={onInput}
                />
              ) : (
                <Input
                  className={`${block}__input`}
                  data-testid={`${testId}-input`}
                  {...labelled(input.label)}
                  type='number'
                  value={value}
                  maxlength={input.maxlength ?? 12}
                  placeholder={input.placeholder}
                  onInput={onInput}
                />
              )}
              {input.suffix && <Text className={`${block}__suffix`}>{input.suffix}</Text>}
            </View>
          </View>
        )}
        {error && (
          <Text className={`${block}__error`} data-testid={`${testId}-error`}>
            {error}
          </Text>
        )}
        <View className={`${block}__actions`}>
          <Button className={`cx-btn cx-btn--secondary ${block}__btn`} data-testid={`${testId}-cancel`} onClick={onCancel}>
            {cancelText}
          </Button>
          <Button
            className={`cx-btn ${block}__btn${tone === 'danger' ? ` ${block}__btn--danger` : ''}`}
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
