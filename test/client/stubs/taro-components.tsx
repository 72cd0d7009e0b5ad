/**
 * Stand-ins for @tarojs/components: the same names rendering plain DOM elements, `onTap` as
 * `onClick`, and Taro's `{detail: {value}}` events for inputs and switches.
 */
import type { ChangeEvent, ReactNode } from 'react';

type AnyProps = Record<string, unknown> & { children?: ReactNode };

// Taro-only props that are not DOM attributes.
const TARO_ONLY = [
  'hoverClass',
  'hoverStartTime',
  'hoverStayTime',
  'hoverStopPropagation',
  'onTap',
  'onLongPress',
  'scrollY',
  'scrollX',
  'scrollTop',
  'scrollWithAnimation',
  'enableBackToTop',
  'refresherEnabled',
  'onScrollToLower',
  'onScrollToUpper',
  'lowerThreshold',
  'upperThreshold',
  'mode',
  'lazyLoad',
  'showMenuByLongpress',
  'userSelect',
  'selectable',
  'space',
  'decode',
  'formType',
  'openType',
  'plain',
  'loading',
  'size',
  'color',
  'placeholderClass',
  'confirmType',
  'adjustPosition',
  'onInput',
  'onConfirm',
  'onChange',
  'catchMove',
  'fixed',
  'onAgreePrivacyAuthorization',
];

function domProps(props: AnyProps): AnyProps {
  const out: AnyProps = {};
  for (const [k, v] of Object.entries(props)) if (!TARO_ONLY.includes(k) && k !== 'nativeProps') out[k] = v;
  // Taro's H5 components put `nativeProps` on their inner native element (an input's aria-label).
  Object.assign(out, props.nativeProps as AnyProps | undefined);
  // WeChat fires agreeprivacyauthorization when an open-type="agreePrivacyAuthorization" button is tapped.
  const tap = (props.onClick ?? props.onTap ?? (props.openType === 'agreePrivacyAuthorization' ? props.onAgreePrivacyAuthorization : undefined)) as unknown;
  if (tap) out.onClick = tap;
  return out;
}

export const View = (props: AnyProps) => <div {...domProps(props)} />;
export const Text = (props: AnyProps) => <span {...domProps(props)} />;
export const ScrollView = (props: AnyProps) => <div {...domProps(props)} />;
export const Image = (props: AnyProps) => <img alt='' {...domProps(props)} />;

export const Button = (props: AnyProps) => <button type='button' {...domProps(props)} />;

export const Input = (props: AnyProps) => {
  const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined;
  // Taro spells it `maxlength`; the DOM property is `maxLength`.
  const { maxlength, ...rest } = props;
  return (
    <input
      {...domProps(rest)}
      maxLength={maxlength as number | undefined}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onInput?.({ detail: { value: e.target.value } })}
    />
  );
};

export const Switch = (props: AnyProps) => {
  const onChange = props.onChange as ((e: { detail: { value: boolean } }) => void) | undefined;
  const { checked, ...rest } = domProps(props);
  return (
    <input
      type='checkbox'
      role='switch'
      {...rest}
      checked={Boolean(checked)}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onChange?.({ detail: { value: e.target.checked } })}
    />
  );
};

/**
 * Taro's Picker opens its own wheel; here a date picker is a plain date input next to its
 * children, answering with Taro's `{detail: {value}}`.
 */
export const Picker = (props: AnyProps) => {
  const onChange = props.onChange as ((e: { detail: { value: string } }) => void) | undefined;
  const { children, value, mode, start, end, range, rangeKey, ...rest } = props;
  void mode;
  void range;
  void rangeKey;
  return (
    <div {...domProps(rest)}>
      <input
        type='date'
        data-testid='picker-input'
        value={String(value ?? '')}
        min={start as string | undefined}
        max={end as string | undefined}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange?.({ detail: { value: e.target.value } })}
      />
      {children}
    </div>
  );
};

/** Taro's Textarea: a DOM textarea answering with Taro's `{detail: {value}}` (`maxlength` -1 = no limit). */
export const Textarea = (props: AnyProps) => {
  const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined;
  const { maxlength, autoHeight, showConfirmBar, ...rest } = props;
  void autoHeight;
  void showConfirmBar;
  return (
    <textarea
      {...domProps(rest)}
      maxLength={typeof maxlength === 'number' && maxlength >= 0 ? maxlength : undefined}
      onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onInput?.({ detail: { value: e.target.value } })}
    />
  );
};
