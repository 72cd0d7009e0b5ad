import { Text, Textarea, View } from '@tarojs/components';
import { labelled } from '../field-label';
import './index.scss';

interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Shown under the box, e.g. 「至少 5 个字」. */
  hint?: string;
  /** The number of characters allowed; -1 for no limit (a pasted report). */
  maxlength?: number;
  error?: string | null;
  disabled?: boolean;
  tall?: boolean;
  testId?: string;
}

/**
 * A labelled multi-line input with a character count and an inline error. Taro's Textarea stops
 * at 140 characters unless told otherwise, so the limit is always explicit here.
 */
export default function TextAreaField({ label, value, onChange, placeholder, hint, maxlength = 500, error, disabled, tall, testId }: TextAreaFieldProps) {
  return (
    <View className='cx-textarea-field'>
      <Text className='cx-textarea-field__label'>{label}</Text>
      <View className={`cx-textarea-field__box${error ? ' cx-textarea-field__box--error' : ''}`}>
        <Textarea
          className={`cx-textarea-field__input${tall ? ' cx-textarea-field__input--tall' : ''}`}
          data-testid={testId}
          {...labelled(label)}
          value={value}
          placeholder={placeholder}
          maxlength={maxlength}
          disabled={disabled}
          onInput={(e) => onChange(e.detail.value)}
        />
      </View>
      <View className='cx-textarea-field__foot'>
        <Text className='cx-textarea-field__hint'>{hint}</Text>
        {maxlength > 0 && (
          <Text className='cx-textarea-field__count'>
            {value.trim().length}/{maxlength}
          </Text>
        )}
      </View>
      {error && (
        <Text className='cx-textarea-field__error' data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </Text>
      )}
    </View>
  );
}
