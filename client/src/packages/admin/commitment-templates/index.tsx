import { useRef, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { labelled } from '../../../components/field-label';
import Field from '../../../components/loans/field';
import Segmented from '../../../components/segmented';
import TextAreaField from '../../../components/text-area-field';
import { useRequest } from '../../../hooks/use-request';
import { isApiError } from '../../../services/api';
import { createCommitmentTemplate, getAllCommitmentTemplates, updateCommitmentTemplate, type TemplateView } from '../../../services/commitments-api';
import { chinaDateTime } from '../../../services/time';
import ConsoleFrame from '../shared/console';
import '../shared/console.scss';
import './index.scss';

type TemplateType = TemplateView['type'];
const TYPES: ReadonlyArray<{ value: TemplateType; label: string }> = [
  { value: 'proactive', label: '主动型' },
  { value: 'approval', label: '告知承诺' },
  { value: 'industry', label: '行业自律' },
  { value: 'repair', label: '信用修复' },
];
const STATUSES = [
  { value: 'published', label: '发布中' },
  { value: 'retired', label: '已停用' },
] as const;

/** One clause per line; blank lines are dropped. */
const clausesOf = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function TemplateForm({ template, onSaved, onCancel }: { template: TemplateView | null; onSaved: () => void; onCancel: () => void }) {
  const [type, setType] = useState<TemplateType>(template?.type ?? 'proactive');
  const [title, setTitle] = useState(template?.title ?? '');
  const [clauses, setClauses] = useState(template?.clauses.join('\n') ?? '');
  const [status, setStatus] = useState<'published' | 'retired'>(template?.status ?? 'published');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saving = useRef(false);

  const save = async () => {
    if (saving.current) return;
    const list = clausesOf(clauses);
    if (title.trim().length < 4) return setError('标题至少 4 个字');
    if (list.length === 0) return setError('至少填写 1 条条款（每行一条）');
    saving.current = true;
    setBusy(true);
    setError(null);
    try {
      const quiet = { quietCodes: ['VALIDATION_FAILED', 'EDIT_CONFLICT', 'NOT_FOUND'] };
      if (template) await updateCommitmentTemplate(template.id, { title: title.trim(), clauses: list, status, expectedUpdatedAt: template.updatedAt }, quiet);
      else await createCommitmentTemplate({ type, title: title.trim(), clauses: list }, quiet);
      onSaved();
    } catch (e) {
      setError(isApiError(e) ? e.message : '保存失败，请稍后重试');
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };

  return (
    <View className='cx-console-card cx-tpl__form' data-testid='template-form'>
      <Text className='cx-console-card__title'>{template ? '编辑承诺模板' : '新增承诺模板'}</Text>
      {template ? (
        <Text className='cx-console-card__note'>类型：{template.typeLabel}（类型不可修改；已签署的承诺保留签署时的条款）</Text>
      ) : (
        <Segmented options={TYPES} value={type} onChange={setType} testId='template-type' />
      )}
      <Field label='标题' testId='template-title'>
        <Input className='cx-loan-field__input' data-testid='template-title' {...labelled('标题')} value={title} maxlength={60} onInput={(e) => setTitle(e.detail.value)} />
      </Field>
      <TextAreaField label='承诺条款（每行一条）' value={clauses} onChange={setClauses} maxlength={3600} tall testId='template-clauses' />
      {template && <Segmented options={STATUSES} value={status} onChange={setStatus} testId='template-status' />}
      {error && (
        <Text className='cx-tpl__error' data-testid='template-error' role='alert'>
          {error}
        </Text>
      )}
      <View className='cx-console__actions'>
        <Button className='cx-btn' data-testid='template-save' disabled={busy ? true : undefined} onClick={() => void save()}>
          保存
        </Button>
        <Button className='cx-btn cx-btn--secondary' data-testid='template-cancel' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

function Templates({ refresh }: { refresh: number }) {
  const list = useRequest(() => getAllCommitmentTemplates(), [refresh]);
  const [editing, setEditing] = useState<TemplateView | 'new' | null>(null);
  const saved = () => {
    setEditing(null);
    void list.reload();
  };
  return (
    <View data-testid='admin-templates'>
      <Text className='cx-console__intro'>企业从已发布的模板签署信用承诺；条款应包括材料真实、守法经营、接受监督和承担责任、同意公开。停用的模板不再供签署。</Text>
      {editing === 'new' ? (
        <TemplateForm template={null} onSaved={saved} onCancel={() => setEditing(null)} />
      ) : (
        <Button className='cx-btn cx-tpl__new' data-testid='template-new' onClick={() => setEditing('new')}>
          新增模板
        </Button>
      )}
      {list.error !== undefined && <Text className='cx-tpl__error'>模板加载失败，下拉页面可重试。</Text>}
      {list.data?.items.map((t) =>
        editing !== 'new' && editing?.id === t.id ? (
          <TemplateForm key={t.id} template={t} onSaved={saved} onCancel={() => setEditing(null)} />
        ) : (
          <View key={t.id} role='button' className='cx-console-card cx-tpl__item' data-testid='admin-template' data-template-id={t.id} onClick={() => setEditing(t)}>
            <View className='cx-tpl__head'>
              <Text className='cx-tpl__type'>{t.typeLabel}</Text>
              <Text className={`cx-tpl__status cx-tpl__status--${t.status}`}>{t.status === 'published' ? '发布中' : '已停用'}</Text>
            </View>
            <Text className='cx-console-card__title'>{t.title}</Text>
            <Text className='cx-console-card__note'>
              {t.clauses.length} 条条款 · 更新于 {chinaDateTime(t.updatedAt)} · 点按编辑
            </Text>
          </View>
        ),
      )}
    </View>
  );
}

/** 承诺模板: the credit centre's commitment templates: publish, edit, retire. */
export default function CommitmentTemplatesPage() {
  return (
    <ConsoleFrame roles={['admin']} nav='commitments' title={() => '信用承诺模板'} subtitle={() => '主动型 · 告知承诺 · 行业自律 · 信用修复'}>
      {(_me, refresh) => <Templates refresh={refresh} />}
    </ConsoleFrame>
  );
}
