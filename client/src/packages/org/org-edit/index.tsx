import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useRequest } from '../../../hooks/use-request';
import { getRules, isApiError } from '../../../services/api';
import { staffPage } from '../../../services/org-pages';
import { createOrg, getOrg, updateOrg, type CreatableOrgType, type OrgView, type Registry } from '../../../services/orgs-api';
import ConsoleFrame from '../../admin/shared/console';
import { problemText } from '../../admin/shared/errors';
import { Chips, Field, TextInput } from '../../admin/shared/fields';
import StateBlock from '../../admin/shared/state-block';
import { ORG_STATUS_LABELS, ORG_TYPE_LABELS, REGISTRY_LABELS } from '../shared/labels';
import FeedsPicker from './feeds-picker';
import { emptyOrgDraft, normaliseUscc, orgDraftFrom, orgProblems, toOrgInput, toOrgPatch, USCC_LENGTH, usccHint, type OrgDraft, type OrgProblems } from './draft';
import '../../admin/shared/console.scss';
import '../../admin/shared/fields.scss';
import '../shared/org.scss';

const TYPES = (['merchant', 'bank', 'department'] as const).map((t) => ({ value: t, label: ORG_TYPE_LABELS[t] }));
const REGISTRIES = (['enterprises', 'tax-grades', 'disclosures'] as const).map((r) => ({ value: r, label: REGISTRY_LABELS[r] }));
const QUIET = ['INVALID_USCC', 'USCC_TAKEN', 'VALIDATION_FAILED', 'EDIT_CONFLICT'];

const TYPE_HINTS: Record<CreatableOrgType, string> = {
  merchant: '参与信易+ 场景，员工可扫码核验居民的信用凭证',
  bank: '发布信易贷产品，员工审批企业的贷款申请',
  department: '报送信用记录，处理异议与信用修复',
};

function RulesSection({ ownId, selected, onChange }: { ownId?: string; selected: string[]; onChange: (ids: string[]) => void }) {
  const rules = useRequest(() => getRules(), []);
  return (
    <Field label='可报送的规则'>
      <Text className='cx-field__hint cx-org-feeds__hint'>部门始终可以报送本部门的规则；在此勾选它还可以报送的其他部门的规则。</Text>
      <StateBlock loading={rules.loading && !rules.data} error={rules.error} onRetry={() => void rules.reload()} testId='feeds-rules'>
        {rules.data && <FeedsPicker rules={rules.data.items} ownId={ownId} selected={selected} onChange={onChange} />}
      </StateBlock>
    </Field>
  );
}

function Form({ id }: { id?: string }) {
  const creating = !id;
  const record = useRequest<OrgView | null>(() => (id ? getOrg(id) : Promise.resolve(null)), [id]);
  const [draft, setDraft] = useState<OrgDraft>(emptyOrgDraft);
  const [problems, setProblems] = useState<OrgProblems>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const busy = useRef(false);

  useEffect(() => {
    if (record.data) setDraft(orgDraftFrom(record.data));
  }, [record.data]);

  const set = <K extends keyof OrgDraft>(key: K, value: OrgDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setProblems((p) => ({ ...p, [key]: undefined }));
    setError(null);
  };

  const save = async () => {
    if (busy.current) return;
    const found = orgProblems(draft, creating);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setError('请先修改标红的项目');
      return;
    }
    busy.current = true;
    setSaving(true);
    setError(null);
    try {
      if (creating) {
        const { id: newId } = await createOrg(toOrgInput(draft), { quietCodes: QUIET });
        Taro.showToast({ title: '机构已建立', icon: 'success' }).catch(() => undefined);
        // The new organisation has nobody yet: go straight to inviting its first manager.
        void Taro.redirectTo({ url: staffPage(newId) });
      } else {
        await updateOrg(id, toOrgPatch(draft, record.data?.updatedAt), { quietCodes: QUIET });
        Taro.showToast({ title: '已保存', icon: 'success' }).catch(() => undefined);
        void Taro.navigateBack();
      }
    } catch (e) {
      if (isApiError(e) && e.code === 'EDIT_CONFLICT') setConflict(true);
      if (isApiError(e) && (e.code === 'INVALID_USCC' || e.code === 'USCC_TAKEN')) {
        setProblems((p) => ({ ...p, uscc: e.code === 'USCC_TAKEN' ? '该统一社会信用代码已登记为其他机构' : e.message }));
      }
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

  const hint = creating ? usccHint(draft.uscc) : null;
  const org = record.data;

  return (
    <StateBlock loading={record.loading && record.data === undefined} error={record.error} onRetry={() => void record.reload()} testId='org-form-state'>
      <View className='cx-console-card' data-testid='org-form'>
        {conflict && (
          <View className='cx-form-error' data-testid='org-conflict'>
            <Text>该机构刚被其他管理员修改过，您的修改没有保存。请载入最新内容后重新修改。</Text>
            <Button className='cx-btn cx-btn--secondary' data-testid='org-reload' onClick={reloadLatest}>
              载入最新内容
            </Button>
          </View>
        )}
        {org?.status === 'suspended' && (
          <Text className='cx-org__reason' data-testid='org-form-suspended'>
            该机构{ORG_STATUS_LABELS.suspended}：{org.suspendedReason || '未填写原因'}
          </Text>
        )}
        <Field label='机构类型' hint={draft.type ? TYPE_HINTS[draft.type] : creating ? '建立后不能修改' : undefined} error={problems.type} testId='org-type-field'>
          {creating ? (
            <Chips options={TYPES} selected={draft.type ? [draft.type] : []} onToggle={(v) => set('type', v)} testId='org-type' />
          ) : (
            <Text className='cx-org__type'>{org ? ORG_TYPE_LABELS[org.type] : ''}</Text>
          )}
        </Field>
        <View className='cx-console__grid'>
          <Field label='机构名称' hint='与营业执照或单位登记证书上的名称一致' error={problems.name} testId='org-name-field'>
            <TextInput value={draft.name} onChange={(v) => set('name', v)} placeholder='如：管城回族区博物馆' maxlength={60} testId='org-name' />
          </Field>
          <View className='cx-field'>
            <Text className='cx-field__label'>统一社会信用代码</Text>
            <TextInput
              value={draft.uscc}
              onChange={(v) => set('uscc', normaliseUscc(v))}
              placeholder='18 位，数字和大写字母'
              maxlength={USCC_LENGTH + 2}
              disabled={!creating}
              testId='org-uscc'
            />
            {problems.uscc ? (
              <Text className='cx-field__error' data-testid='org-uscc-error'>
                {problems.uscc}
              </Text>
            ) : hint ? (
              <Text className={`cx-org-hint cx-org-hint--${hint.tone}`} data-testid='org-uscc-hint'>
                {hint.text}
              </Text>
            ) : (
              <Text className='cx-field__hint'>{creating ? '输入时即校验（GB 32100—2015），建立后不能修改' : '建立后不能修改'}</Text>
            )}
          </View>
        </View>

        {draft.type === 'department' && (
          <View className='cx-org-feeds' data-testid='org-feeds'>
            <Text className='cx-org-feeds__title'>报送范围</Text>
            <RulesSection ownId={id} selected={draft.rules} onChange={(ids) => set('rules', ids)} />
            <Field label='可报送的登记信息'>
              <Chips
                options={REGISTRIES}
                selected={draft.registries}
                onToggle={(v: Registry) => set('registries', draft.registries.includes(v) ? draft.registries.filter((x) => x !== v) : [...draft.registries, v])}
                testId='org-registries'
              />
            </Field>
          </View>
        )}

        {error && !conflict && (
          <Text className='cx-form-error' data-testid='org-form-error'>
            {error}
          </Text>
        )}
        <View className='cx-form-actions'>
          <Button className='cx-btn cx-btn--secondary' onClick={() => void Taro.navigateBack()}>
            取消
          </Button>
          <Button className='cx-btn' data-testid='org-save' disabled={saving ? true : undefined} onClick={save}>
            {saving ? '保存中…' : creating ? '建立机构' : '保存修改'}
          </Button>
        </View>
      </View>
    </StateBlock>
  );
}

/** 新建机构 / 编辑机构: type, name and (when creating) the USCC, checked as typed; a department's reporting scope. */
export default function OrgEditPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : undefined;
  return (
    <ConsoleFrame roles={['admin']} nav='orgs' title={() => (id ? '编辑机构' : '新建机构')} subtitle={() => '机构类型、名称、统一社会信用代码与报送范围'}>
      {() => <Form id={id} />}
    </ConsoleFrame>
  );
}
