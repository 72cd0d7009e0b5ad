import { useRef, useState, type ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { isApiError } from '../../services/api';
import './index.scss';

interface ConfirmDialogProps {
  title: string;
  children?: ReactNode;
  confirmText: string;
  cancelText?: string;
  tone?: 'primary' | 'danger';
  /** Runs the action; a thrown error is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void> | void;
  onCancel: () => void;
  testId?: string;
}

/**
 * A confirmation drawn inside the page (not the system modal), so it follows 大字模式, can explain
 * consequences in full sentences, and ignores a second tap while the action runs.
 */
export default function ConfirmDialog({ title, children, confirmText, cancelText = '取消', tone = 'primary', onConfirm, onCancel, testId = 'confirm-dialog' }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);

  const confirm = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(isApiError(e) ? e.message : '操作失败，请稍后重试');
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <View className='cx-dialog' data-testid={testId} role='dialog' aria-label={title}>
      <View className='cx-dialog__panel'>
        <Text className='cx-dialog__title'>{title}</Text>
        {children && <View className='cx-dialog__body'>{children}</View>}
        {error && (
          <Text className='cx-dialog__error' data-testid={`${testId}-error`}>
            {error}
          </Text>
        )}
        <View className='cx-dialog__actions'>
          <Button className='cx-btn cx-btn--secondary cx-dialog__btn' data-testid={`${testId}-cancel`} onClick={onCancel}>
            {cancelText}
          </Button>
          <Button
            className={`cx-btn cx-dialog__btn${tone === 'danger' ? ' cx-dialog__btn--danger' : ''}`}
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
