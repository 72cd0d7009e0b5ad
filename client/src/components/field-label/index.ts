import { createContext, useContext } from 'react';

/**
 * The visible label of the form field an input sits in. A field component provides it, so the
 * input inside can carry the same name for screen readers without each screen repeating it.
 */
export const FieldLabelContext = createContext<string | undefined>(undefined);

/**
 * Props that name a Taro Input, Textarea, Switch or Image for screen readers: on H5 the component
 * puts `nativeProps` on its inner `<input>`/`<textarea>`/`<img>`; the mini program's native
 * components are named by WeChat, so there is nothing to pass there.
 */
export function labelled(label: string | undefined): { nativeProps: Record<string, string> } | Record<string, never> {
  return process.env.TARO_ENV === 'h5' && label ? { nativeProps: { 'aria-label': label } } : {};
}

/** An image's text alternative on H5 (see `labelled`). */
export function imageAlt(alt: string): { nativeProps: Record<string, string> } | Record<string, never> {
  return process.env.TARO_ENV === 'h5' ? { nativeProps: { alt } } : {};
}

/** `labelled` with the label of the field around the input. */
export function useFieldLabelProps(): ReturnType<typeof labelled> {
  return labelled(useContext(FieldLabelContext));
}
