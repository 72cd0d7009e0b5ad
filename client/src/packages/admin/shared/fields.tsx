import type { ReactNode } from 'react';
import { Input, Picker, Switch, Text, View } from '@tarojs/components';
import { FieldLabelContext, labelled, useFieldLabelProps } from '../../../components/field-label';
import './fields.scss';

export function Field({ label, hint, error, children, testId }: { label: string; hint?: string; error?: string | null; children: ReactNode; testId?: string }) {
  return (
    <View className='cx-field' data-testid={testId}>
      <Text className='cx-field__label'>{label}</Text>
      <FieldLabelContext.Provider value={label}>{children}</FieldLabelContext.Provider>
      {hint && !error && <Text className='cx-field__hint'>{hint}</Text>}
      {error && (
        <Text className='cx-field__error' data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </Text>
      )}
    </View>
  );
}

interface TextInputProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxlength?: number;
  type?: 'text' | 'number' | 'digit';
  disabled?: boolean;
  testId?: string;
}

export function TextInput({ value, onChange, placeholder, maxlength = 300, type = 'text', disabled, testId }: TextInputProps) {
  const named = useFieldLabelProps();
  return (
    <Input
      className={`cx-field__input${disabled ? ' cx-field__input--disabled' : ''}`}
      data-testid={testId}
      {...named}
      value={value}
      type={type}
      placeholder={placeholder}
      maxlength={maxlength}
      disabled={disabled}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}

interface ChipOption<T extends string> {
  value: T;
  label: string;
}

/** Tappable chips: one choice, or several (`multiple`). */
export function Chips<T extends string>({
  options,
  selected,
  onToggle,
  testId,
}: {
  options: readonly ChipOption<T>[];
  selected: readonly T[];
  onToggle: (value: T) => void;
  testId?: string;
}) {
  return (
    <View className='cx-chips' data-testid={testId}>
      {options.map((o) => {
        const on = selected.includes(o.value);
        return (
          <View
            key={o.value}
            className={`cx-chips__chip${on ? ' cx-chips__chip--on' : ''}`}
            role='checkbox'
            aria-checked={on}
            data-testid={testId ? `${testId}-${o.value}` : undefined}
            onClick={() => onToggle(o.value)}
          >
            <Text>
              {on ? '✓ ' : ''}
              {o.label}
            </Text>
          </View>
        );
      })}
    </View>
  );
}

export function DateField({ value, onChange, testId }: { value: string; onChange: (day: string) => void; testId?: string }) {
  return (
    <Picker mode='date' value={value} onChange={(e) => onChange(String(e.detail.value))} data-testid={testId}>
      <View className='cx-field__input cx-field__picker'>
        <Text>{value || '请选择日期'}</Text>
      </View>
    </Picker>
  );
}

export function SwitchRow({ label, description, checked, onChange, testId }: { label: string; description?: string; checked: boolean; onChange: (on: boolean) => void; testId?: string }) {
  return (
    <View className='cx-field cx-field--switch'>
      <View className='cx-field__switch-text'>
        <Text className='cx-field__label'>{label}</Text>
        {description && <Text className='cx-field__hint'>{description}</Text>}
      </View>
      <Switch data-testid={testId} {...labelled(label)} checked={checked} color='#1f5fbf' onChange={(e) => onChange(Boolean(e.detail.value))} />
    </View>
  );
}
