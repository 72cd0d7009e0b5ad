import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { MEASURE_AFFECTS_LABELS, MEASURE_SEVERITY_LABELS } from '../../../components/measure-card';
import TextAreaField from '../../../components/text-area-field';
import { useRequest } from '../../../hooks/use-request';
import { createMeasure, updateMeasure } from '../../../services/admin-api';
import { CHECK_PURPOSES } from '../../../services/credit-checks-api';
import { getMeasures, type PublicMeasure } from '../../../services/rights-api';
import ConsoleFrame from '../shared/console';
import { EditFormCard, useEditForm } from '../shared/edit-form';
import { Chips, Field, TextInput } from '../shared/fields';
import StateBlock from '../shared/state-block';
import { emptyMeasureDraft, measureDraftFrom, measureProblems, toMeasure } from './draft';
import '../shared/console.scss';
import '../shared/fields.scss';

const SEVERITIES = (['light', 'general', 'serious'] as const).map((s) => ({ value: s, label: MEASURE_SEVERITY_LABELS[s] }));
const AFFECTS = (['incentives', 'loans'] as const).map((s) => ({ value: s, label: MEASURE_AFFECTS_LABELS[s] }));
const PURPOSES = CHECK_PURPOSES.map((p) => ({ value: p.value, label: p.label }));
const QUIET = ['EDIT_CONFLICT', 'MEASURE_EXISTS', 'VALIDATION_FAILED'];

async function loadMeasure(id: string | undefined): Promise<PublicMeasure | null> {
  if (!id) return null;
  const found = (await getMeasures()).items.find((m) => m.id === id);
  if (!found) throw new Error('not found');
  return found;
}

function Form({ id }: { id?: string }) {
  const creating = !id;
  const measure = useRequest(() => loadMeasure(id), [id]);
  const form = useEditForm({
    record: measure,
    empty: emptyMeasureDraft,
    from: measureDraftFrom,
    validate: (d) => measureProblems(d, creating),
    submit: async (d) => {
      const m = toMeasure(d);
      if (creating) await createMeasure(m, { quietCodes: QUIET });
      else {
        const { id: mid, ...rest } = m;
        await updateMeasure(mid, rest, measure.data?.updatedAt ?? '', { quietCodes: QUIET });
      }
    },
    existsCode: 'MEASURE_EXISTS',
  });
  const { draft, set, problems } = form;

  return (
    <StateBlock loading={measure.loading && measure.data === undefined} error={measure.error} onRetry={() => void measure.reload()} testId='measure-form-state'>
      <EditFormCard form={form} subject='该措施' saveText={creating ? '新增措施' : '保存修改'} testId='measure'>
        <View className='cx-console__grid'>
          <Field label='措施编号' hint={creating ? '创建后不能修改' : undefined} error={problems.id}>
            <TextInput value={draft.id} onChange={(v) => set('id', v.trim().toUpperCase())} disabled={!creating} placeholder='如 M-COURT-03' maxlength={20} testId='measure-id' />
          </Field>
          <Field label='名称' error={problems.title}>
            <TextInput value={draft.title} onChange={(v) => set('title', v)} maxlength={40} testId='measure-title' />
          </Field>
          <Field label='名单类型' error={problems.listType}>
            <TextInput value={draft.listType} onChange={(v) => set('listType', v)} placeholder='如 失信被执行人名单' maxlength={40} testId='measure-list-type' />
          </Field>
          <Field label='依据的规则编号' hint='多个用逗号分隔' error={problems.ruleIds}>
            <TextInput value={draft.ruleIds} onChange={(v) => set('ruleIds', v)} placeholder='如 P-LAW-01, E-LAW-07' testId='measure-rules' />
          </Field>
          <Field label='严重程度' hint='轻微失信不会触发针对严重失信的措施'>
            <Chips options={SEVERITIES} selected={[draft.severity]} onToggle={(v) => set('severity', v)} testId='measure-severity' />
          </Field>
          <Field label='期限（月）' error={problems.durationMonths}>
            <TextInput value={draft.durationMonths} onChange={(v) => set('durationMonths', v)} type='number' maxlength={2} testId='measure-months' />
          </Field>
          <Field label='限制范围' error={problems.affects}>
            <Chips
              options={AFFECTS}
              selected={draft.affects}
              onToggle={(v) => set('affects', draft.affects.includes(v) ? draft.affects.filter((x) => x !== v) : [...draft.affects, v])}
              testId='measure-affects'
            />
          </Field>
          <Field label='信用核查用途' hint='部门按这些用途核查企业时，本措施构成限制'>
            <Chips
              options={PURPOSES}
              selected={draft.purposes}
              onToggle={(v) => set('purposes', draft.purposes.includes(v) ? draft.purposes.filter((x) => x !== v) : [...draft.purposes, v])}
              testId='measure-purposes'
            />
          </Field>
        </View>
        <TextAreaField label='措施说明' value={draft.description} onChange={(v) => set('description', v)} maxlength={300} error={problems.description} testId='measure-description' />
        <TextAreaField label='法律依据' value={draft.legalBasis} onChange={(v) => set('legalBasis', v)} maxlength={300} error={problems.legalBasis} testId='measure-basis' />
        <TextAreaField label='如何解除' value={draft.howToExit} onChange={(v) => set('howToExit', v)} maxlength={300} error={problems.howToExit} testId='measure-exit' />
      </EditFormCard>
    </StateBlock>
  );
}

/** Add or edit a listed measure; a concurrent edit is reported, never overwritten. */
export default function MeasureEditPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : undefined;
  return (
    <ConsoleFrame roles={['admin']} nav='measures' title={() => (id ? '编辑惩戒措施' : '新增惩戒措施')}>
      {() => <Form id={id} />}
    </ConsoleFrame>
  );
}
