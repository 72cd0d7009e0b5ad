import { useEffect, useRef, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { RequestState } from '../../../hooks/use-request';
import { isApiError } from '../../../services/api';
import { problemText } from './errors';

export type DraftProblems<D> = Partial<Record<keyof D, string>>;

interface EditFormOptions<T, D extends { id: string }> {
  /** The record being edited: `null` data when creating a new one. */
  record: RequestState<T | null>;
  /** The draft of a new record (called once). */
  empty: () => D;
  /** The draft of a loaded record; a module-level function (it is not a dependency of the effect). */
  from: (record: T) => D;
  /** Field by field, what must change before saving. */
  validate: (draft: D) => DraftProblems<D>;
  /** Creates or updates the record; called only with a draft that passed `validate`. */
  submit: (draft: D) => Promise<void>;
  /** The API's error code for an id that is already taken: shown at the id field. */
  existsCode: string;
}

export interface EditForm<D> {
  draft: D;
  set: <K extends keyof D>(key: K, value: D[K]) => void;
  problems: DraftProblems<D>;
  error: string | null;
  /** Someone else saved the record since it was loaded: nothing was saved. */
  conflict: boolean;
  saving: boolean;
  save: () => Promise<void>;
  /** Drops the conflict and loads the record as it is now. */
  reloadLatest: () => Promise<void>;
}

/**
 * The state of a console form that creates or edits one record: the draft, its problems, and a
 * save that ignores a second tap, goes back on success and reports a concurrent edit (never
 * overwriting it) or a taken id.
 */
export function useEditForm<T, D extends { id: string }>({ record, empty, from, validate, submit, existsCode }: EditFormOptions<T, D>): EditForm<D> {
  const [draft, setDraft] = useState<D>(empty);
  const [problems, setProblems] = useState<DraftProblems<D>>({});
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);

  useEffect(() => {
    if (record.data) setDraft(from(record.data));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record.data]);

  const set = <K extends keyof D>(key: K, value: D[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setProblems((p) => ({ ...p, [key]: undefined }));
  };

  const save = async () => {
    if (busy.current) return;
    const found = validate(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setError('请先修改标红的项目');
      return;
    }
    busy.current = true;
    setSaving(true);
    setError(null);
    try {
      await submit(draft);
      Taro.showToast({ title: '已保存', icon: 'success' }).catch(() => undefined);
      void Taro.navigateBack();
    } catch (e) {
      if (isApiError(e) && e.code === 'EDIT_CONFLICT') setConflict(true);
      else if (isApiError(e) && e.code === existsCode) setProblems((p) => ({ ...p, id: e.message }));
      setError(problemText(e));
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };

  const reloadLatest = async () => {
    setConflict(false);
    setError(null);
    await record.reload();
  };

  return { draft, set, problems, error, conflict, saving, save, reloadLatest };
}

interface EditFormCardProps<D> {
  form: EditForm<D>;
  /** What was edited, for the conflict notice: 该场景, 该措施. */
  subject: string;
  saveText: string;
  /** Prefixes the test ids: `<testId>-form`, `-conflict`, `-reload`, `-error`, `-save`. */
  testId: string;
  children: ReactNode;
}

/** The card around a console form's fields: the conflict notice, the error, 取消 and the save button. */
export function EditFormCard<D>({ form, subject, saveText, testId, children }: EditFormCardProps<D>) {
  return (
    <View className='cx-console-card' data-testid={`${testId}-form`}>
      {form.conflict && (
        <View className='cx-form-error' data-testid={`${testId}-conflict`}>
          <Text>{subject}刚被其他管理员修改过，您的修改没有保存。请载入最新内容后重新修改。</Text>
          <Button className='cx-btn cx-btn--secondary' data-testid={`${testId}-reload`} onClick={form.reloadLatest}>
            载入最新内容
          </Button>
        </View>
      )}
      {children}
      {form.error && !form.conflict && (
        <Text className='cx-form-error' data-testid={`${testId}-error`}>
          {form.error}
        </Text>
      )}
      <View className='cx-form-actions'>
        <Button className='cx-btn cx-btn--secondary' onClick={() => void Taro.navigateBack()}>
          取消
        </Button>
        <Button className='cx-btn' data-testid={`${testId}-save`} disabled={form.saving ? true : undefined} onClick={form.save}>
          {form.saving ? '保存中…' : saveText}
        </Button>
      </View>
    </View>
  );
}
