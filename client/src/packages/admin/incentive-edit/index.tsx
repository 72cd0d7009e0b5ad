import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import TextAreaField from '../../../components/text-area-field';
import { useRequest } from '../../../hooks/use-request';
import { createIncentive, getOrgs, updateIncentive } from '../../../services/admin-api';
import { getIncentives, type IncentiveView } from '../../../services/api';
import { CATEGORY_CHIPS } from '../../../services/incentives';
import { chinaToday } from '../../../services/time';
import ConsoleFrame from '../shared/console';
import { EditFormCard, useEditForm } from '../shared/edit-form';
import { Chips, DateField, Field, SwitchRow, TextInput } from '../shared/fields';
import StateBlock from '../shared/state-block';
import { draftFrom, draftProblems, emptyDraft, toInput, type IncentiveDraft } from './draft';
import '../shared/console.scss';
import '../shared/fields.scss';

const CATEGORIES = CATEGORY_CHIPS.filter((c) => c.code !== 'all').map((c) => ({ value: c.code, label: c.label }));
const PERIODS = [
  { value: 'day', label: '每天' },
  { value: 'month', label: '每月' },
] as const;
const QUIET = ['EDIT_CONFLICT', 'INCENTIVE_EXISTS', 'VALIDATION_FAILED', 'NOT_FOUND'];

async function loadScenario(id: string | undefined): Promise<IncentiveView | null> {
  if (!id) return null;
  const { items } = await getIncentives();
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error('not found');
  return found;
}

function Form({ id }: { id?: string }) {
  const creating = !id;
  const scenario = useRequest(() => loadScenario(id), [id]);
  const merchants = useRequest(() => getOrgs('merchant'), []);
  const form = useEditForm({
    record: scenario,
    empty: () => emptyDraft(chinaToday()),
    from: draftFrom,
    validate: (d) => draftProblems(d, creating),
    submit: async (d) => {
      const input = toInput(d);
      if (creating) await createIncentive(input, { quietCodes: QUIET });
      else {
        const { id: _id, ...rest } = input;
        await updateIncentive(d.id, { ...rest, expectedUpdatedAt: scenario.data?.updatedAt ?? '' }, { quietCodes: QUIET });
      }
    },
    existsCode: 'INCENTIVE_EXISTS',
  });
  const { draft, set, problems } = form;
  const toggleMerchant = (mid: string) =>
    set('merchantIds', draft.merchantIds.includes(mid) ? draft.merchantIds.filter((x) => x !== mid) : [...draft.merchantIds, mid]);

  return (
    <StateBlock
      loading={(scenario.loading && scenario.data === undefined) || (merchants.loading && !merchants.data)}
      error={scenario.error ?? merchants.error}
      onRetry={() => {
        void scenario.reload();
        void merchants.reload();
      }}
      testId='incentive-form-state'
    >
      <EditFormCard form={form} subject='该场景' saveText={creating ? '创建场景' : '保存修改'} testId='incentive'>
        <View className='cx-console__grid'>
          <Field label='场景编号' hint={creating ? '创建后不能修改' : undefined} error={problems.id} testId='field-id'>
            <TextInput value={draft.id} onChange={(v) => set('id', v.trim())} disabled={!creating} placeholder='如 museum-free' maxlength={40} testId='incentive-id' />
          </Field>
          <Field label='名称' error={problems.title}>
            <TextInput value={draft.title} onChange={(v) => set('title', v)} maxlength={40} testId='incentive-title' />
          </Field>
          <Field label='类别'>
            <Chips options={CATEGORIES} selected={[draft.category]} onToggle={(v) => set('category', v as IncentiveDraft['category'])} testId='incentive-category' />
          </Field>
          <Field label='权益' error={problems.benefit}>
            <TextInput value={draft.benefit} onChange={(v) => set('benefit', v)} placeholder='如 免费参观' maxlength={60} testId='incentive-benefit' />
          </Field>
          <Field label='最低积分' error={problems.minPoints}>
            <TextInput value={draft.minPoints} onChange={(v) => set('minPoints', v)} type='number' maxlength={3} testId='incentive-min-points' />
          </Field>
          <Field label='每人次数' error={problems.quotaCount}>
            <Chips options={PERIODS} selected={[draft.quotaPeriod]} onToggle={(v) => set('quotaPeriod', v)} testId='incentive-period' />
            <TextInput value={draft.quotaCount} onChange={(v) => set('quotaCount', v)} type='number' maxlength={3} testId='incentive-quota' />
          </Field>
          <Field label='总名额' hint='不填表示不限' error={problems.totalStock}>
            <TextInput value={draft.totalStock} onChange={(v) => set('totalStock', v)} type='number' maxlength={8} testId='incentive-stock' />
          </Field>
          <Field label='开始日期' error={problems.validFrom}>
            <DateField value={draft.validFrom} onChange={(v) => set('validFrom', v)} testId='incentive-from' />
          </Field>
          <Field label='结束日期' error={problems.validUntil}>
            <DateField value={draft.validUntil} onChange={(v) => set('validUntil', v)} testId='incentive-until' />
          </Field>
        </View>
        <Field label='参与商户（可多选）' error={problems.merchantIds} testId='field-merchants'>
          <Chips
            options={(merchants.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
            selected={draft.merchantIds}
            onToggle={toggleMerchant}
            testId='incentive-merchants'
          />
        </Field>
        <TextAreaField label='说明' value={draft.description} onChange={(v) => set('description', v)} maxlength={500} error={problems.description} testId='incentive-description' />
        <SwitchRow label='排除严重失信主体' description='有生效中的严重失信记录的居民不能享受' checked={draft.excludeSerious} onChange={(v) => set('excludeSerious', v)} testId='incentive-exclude' />
        <SwitchRow label='上架' description='下架后居民看不到、也不能使用此场景' checked={draft.active} onChange={(v) => set('active', v)} testId='incentive-active' />
      </EditFormCard>
    </StateBlock>
  );
}

/** Create or edit a 信易+ scenario, assign its merchants; a concurrent edit is reported, never overwritten. */
export default function IncentiveEditPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : undefined;
  return (
    <ConsoleFrame roles={['admin']} nav='incentives' title={() => (id ? '编辑信易+ 场景' : '新建信易+ 场景')}>
      {() => <Form id={id} />}
    </ConsoleFrame>
  );
}
