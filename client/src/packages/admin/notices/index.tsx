import { useRef, useState } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import ConfirmDialog from '../../../components/confirm-dialog';
import ListFoot from '../../../components/list-foot';
import NoticeItem from '../../../components/notice-item';
import TextAreaField from '../../../components/text-area-field';
import { usePagedList } from '../../../hooks/use-paged-list';
import { isApiError } from '../../../services/api';
import {
  editNotice,
  getNotices,
  NOTICE_CATEGORY_OPTIONS,
  publishNotice,
  withdrawNotice,
  type NoticeCategory,
  type NoticeInput,
  type NoticeView,
} from '../../../services/notices-api';
import ConsoleFrame from '../shared/console';
import { Chips, Field, TextInput } from '../shared/fields';
import StateBlock from '../shared/state-block';
import '../shared/console.scss';
import './index.scss';

interface Draft extends NoticeInput {
  /** The notice being corrected and the version it was opened at; absent for a new one. */
  editing?: { id: string; updatedAt: string };
}

const EMPTY: Draft = { category: 'notice', title: '', body: '' };

/** The same limits as the server's schema, said before sending. */
export function draftProblems(d: NoticeInput): { title?: string; body?: string } {
  const title = d.title.trim().length;
  const body = d.body.trim().length;
  return {
    ...(title < 4 || title > 60 ? { title: '标题须为 4–60 个字' } : {}),
    ...(body < 10 || body > 3000 ? { body: '正文须为 10–3000 个字' } : {}),
  };
}

function NoticeForm({ draft, setDraft, onSaved }: { draft: Draft; setDraft: (d: Draft) => void; onSaved: (created: boolean) => void }) {
  const [problems, setProblems] = useState<{ title?: string; body?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const editing = draft.editing;

  const change = (next: Partial<Draft>) => {
    setDraft({ ...draft, ...next });
    setProblems({});
    setError(null);
  };

  const save = async () => {
    if (running.current) return;
    const found = draftProblems(draft);
    setProblems(found);
    if (found.title || found.body) return;
    running.current = true;
    setBusy(true);
    setError(null);
    const input: NoticeInput = { category: draft.category, title: draft.title.trim(), body: draft.body.trim() };
    try {
      await (editing
        ? editNotice(editing.id, input, editing.updatedAt, { quietCodes: ['EDIT_CONFLICT', 'NOT_FOUND', 'VALIDATION_FAILED'] })
        : publishNotice(input, { quietCodes: ['VALIDATION_FAILED'] }));
      onSaved(!editing);
    } catch (e) {
      setError(isApiError(e) ? e.message : '保存失败，请稍后重试');
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <View className='cx-console-card' data-testid='notice-form'>
      <Text className='cx-console-card__title'>{editing ? '修改信用动态' : '发布信用动态'}</Text>
      <Field label='栏目'>
        <Chips<NoticeCategory>
          options={NOTICE_CATEGORY_OPTIONS}
          selected={[draft.category]}
          onToggle={(category) => change({ category })}
          testId='notice-category'
        />
      </Field>
      <Field label='标题' error={problems.title} testId='notice-title-field'>
        <TextInput value={draft.title} maxlength={60} placeholder='4–60 个字' onChange={(title) => change({ title })} testId='notice-title-input' />
      </Field>
      <TextAreaField
        label='正文'
        value={draft.body}
        maxlength={3000}
        tall
        placeholder='面向公众的说明，10–3000 个字'
        error={problems.body}
        onChange={(body) => change({ body })}
        testId='notice-body-input'
      />
      {error && (
        <Text className='cx-notices-admin__error' data-testid='notice-form-error'>
          {error}
        </Text>
      )}
      <View className='cx-notices-admin__actions'>
        {editing && (
          <Button className='cx-btn cx-btn--secondary cx-notices-admin__btn' data-testid='notice-cancel-edit' onClick={() => setDraft(EMPTY)}>
            取消修改
          </Button>
        )}
        <Button className='cx-btn cx-notices-admin__btn' data-testid='notice-save' disabled={busy ? true : undefined} onClick={save}>
          {busy ? '正在保存…' : editing ? '保存修改' : '发布'}
        </Button>
      </View>
    </View>
  );
}

function NoticesConsole({ refresh }: { refresh: number }) {
  const list = usePagedList((cursor) => getNotices({ cursor, limit: 20 }), [refresh]);
  useReachBottom(() => void list.loadMore());
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [withdrawing, setWithdrawing] = useState<NoticeView | null>(null);

  const saved = (created: boolean) => {
    setDraft(EMPTY);
    Taro.showToast({ title: created ? '已发布' : '已保存修改', icon: 'success' }).catch(() => undefined);
    void list.reload();
  };

  const withdraw = async (n: NoticeView) => {
    await withdrawNotice(n.id, { quietCodes: ['NOT_FOUND'] }).catch((e: unknown) => {
      // Taken down by someone else meanwhile: the list below shows it is gone.
      if (!(isApiError(e) && e.code === 'NOT_FOUND')) throw e;
    });
    setWithdrawing(null);
    if (draft.editing?.id === n.id) setDraft(EMPTY);
    Taro.showToast({ title: '已撤下', icon: 'success' }).catch(() => undefined);
    void list.reload();
  };

  return (
    <View data-testid='admin-notices'>
      <Text className='cx-console-card__note'>信用动态在首页「信用动态」和「信用动态」列表中公开展示，最新发布的在前。修改不改变发布时间；撤下后立即从公开列表中消失。</Text>
      <NoticeForm draft={draft} setDraft={setDraft} onSaved={saved} />
      <View className='cx-console-card'>
        <Text className='cx-console-card__title'>已发布</Text>
        <StateBlock
          loading={list.loading && list.items.length === 0}
          error={list.error}
          onRetry={() => void list.reload()}
          empty={!list.loading && list.items.length === 0}
          emptyTitle='还没有发布信用动态'
          testId='admin-notices-state'
        >
          {list.items.map((n) => (
            <NoticeItem key={n.id} notice={n}>
              <View className='cx-notices-admin__row-actions'>
                <View
                  className='cx-notices-admin__link'
                  role='button'
                  data-testid='notice-edit'
                  onClick={() => setDraft({ category: n.category, title: n.title, body: n.body, editing: { id: n.id, updatedAt: n.updatedAt } })}
                >
                  <Text>修改</Text>
                </View>
                <View className='cx-notices-admin__link cx-notices-admin__link--danger' role='button' data-testid='notice-withdraw' onClick={() => setWithdrawing(n)}>
                  <Text>撤下</Text>
                </View>
              </View>
            </NoticeItem>
          ))}
        </StateBlock>
        <ListFoot loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} onMore={() => void list.loadMore()} />
      </View>
      {withdrawing && (
        <ConfirmDialog
          title='撤下这条信用动态？'
          confirmText='撤下'
          tone='danger'
          onConfirm={() => withdraw(withdrawing)}
          onCancel={() => setWithdrawing(null)}
          testId='notice-withdraw-dialog'
        >
          <Text>「{withdrawing.title}」将立即从首页和信用动态列表中消失，撤下后不能恢复。</Text>
        </ConfirmDialog>
      )}
    </View>
  );
}

/** 信用动态管理: the credit centre publishes, corrects and takes down its notices. */
export default function NoticesAdminPage() {
  return (
    <ConsoleFrame roles={['admin']} nav='notices' title={() => '信用动态管理'} subtitle={() => '通知公告、政策解读、工作动态'}>
      {(_me, refresh) => <NoticesConsole refresh={refresh} />}
    </ConsoleFrame>
  );
}
