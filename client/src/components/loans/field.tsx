import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './field.scss';

export interface FieldMessage {
  tone: 'info' | 'error' | 'ok';
  text: string;
}

interface FieldProps {
  label: string;
  /** Shown under the box; an `error` tone also marks the box. */
  message?: FieldMessage | null;
  /** A unit or hint drawn inside the box, after the input (元, 个月). */
  suffix?: string;
  testId: string;
  optional?: boolean;
  children: ReactNode;
}

/**
 * A form field: its label, a framed box around the input (the frame carries the look, so the
 * input is centred the same on both platforms) and one line of help or error under it.
 */
export default function Field({ label, message, suffix, testId, optional, children }: FieldProps) {
  const error = message?.tone === 'error';
  return (
    <View className='cx-loan-field'>
      <Text className='cx-loan-field__label'>
        {label}
        {optional && <Text className='cx-loan-field__optional'>（选填）</Text>}
      </Text>
      <View className={`cx-loan-field__box${error ? ' cx-loan-field__box--error' : ''}`} data-testid={`${testId}-box`}>
        {children}
        {suffix && <Text className='cx-loan-field__suffix'>{suffix}</Text>}
      </View>
      {message && (
        <Text className={`cx-loan-field__msg cx-loan-field__msg--${message.tone}`} data-testid={`${testId}-msg`} data-tone={message.tone}>
          {message.text}
        </Text>
      )}
    </View>
  );
}

/** Only to show a failure: `null` when there is nothing wrong. */
export const errorMessage = (text: string | null | undefined): FieldMessage | null => (text ? { tone: 'error', text } : null);
