import { useMemo, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import FilterChip from '../../../components/filter-chip';
import PageShell, { EmptyState } from '../../../components/page-shell';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { getRules, type RuleView } from '../../../services/api';
import { chinaDate, ruleDuration, SEVERITY_LABELS, signedPoints, SUBJECT_LABELS, yearlyCapText } from '../shared/format';
import { dimensionsOf, filterRules, NO_FILTER, type RuleFilter, type RuleKind, type RuleSubject } from './filter-rules';
import { labelled } from '../../../components/field-label';
import './index.scss';

const KINDS: { value: RuleKind; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'positive', label: '守信（加分）' },
  { value: 'negative', label: '失信（减分）' },
];

const SUBJECTS: { value: RuleSubject; label: string }[] = [
  { value: 'all', label: '全部对象' },
  { value: 'person', label: SUBJECT_LABELS.person },
  { value: 'enterprise', label: SUBJECT_LABELS.enterprise },
];

function RuleCard({ rule }: { rule: RuleView }) {
  const sign = rule.points > 0 ? 'up' : 'down';
  return (
    <View className='cx-card cx-rule' data-testid='rule-item' data-rule-id={rule.id}>
      <View className='cx-rule__head'>
        <Text className='cx-rule__title'>{rule.title}</Text>
        <Text className={`cx-rule__points cx-rule__points--${sign}`} data-testid='rule-points'>
          {signedPoints(rule.points)}
        </Text>
      </View>
      <View className='cx-rule__tags'>
        <Text className='cx-rule__tag cx-rule__tag--id'>{rule.id}</Text>
        <Text className='cx-rule__tag'>{rule.dimensionLabel}</Text>
        <Text className='cx-rule__tag'>适用对象：{SUBJECT_LABELS[rule.subjectType]}</Text>
        {rule.severity && <Text className='cx-rule__tag cx-rule__tag--warn'>{SEVERITY_LABELS[rule.severity]}失信</Text>}
      </View>
      <View className='cx-rule__row'>
        <Text className='cx-rule__label'>年度上限</Text>
        <Text className='cx-rule__value'>{yearlyCapText(rule)}</Text>
      </View>
      {ruleDuration(rule).map((d) => (
        <View key={d.label} className='cx-rule__row'>
          <Text className='cx-rule__label'>{d.label}</Text>
          <Text className='cx-rule__value'>{d.value}</Text>
        </View>
      ))}
      <View className='cx-rule__row'>
        <Text className='cx-rule__label'>法律依据</Text>
        <Text className='cx-rule__value'>{rule.legalBasis}</Text>
      </View>
      <View className='cx-rule__row'>
        <Text className='cx-rule__label'>报送部门</Text>
        <Text className='cx-rule__value'>{rule.departmentName}</Text>
      </View>
    </View>
  );
}

/** 信用规则: the published catalogue, searchable, filtered by dimension, 守信/失信 and subject. */
export default function RulesPage() {
  const rules = useRequest(() => getRules(), []);
  usePullToRefresh(rules.reload);
  const [filter, setFilter] = useState<RuleFilter>(NO_FILTER);
  const set = (patch: Partial<RuleFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const all = rules.data?.items;
  const dimensions = useMemo(() => dimensionsOf(all ?? []), [all]);
  const shown = useMemo(() => filterRules(all ?? [], filter), [all, filter]);
  const filtered = filter.query.trim() !== '' || filter.dimension !== 'all' || filter.kind !== 'all' || filter.subject !== 'all';

  return (
    <PageShell
      requireAuth={false}
      loading={rules.loading && !rules.data}
      error={rules.error}
      onRetry={rules.reload}
      empty={all !== undefined && all.length === 0}
      emptyTitle='暂无信用规则'
      emptyDescription='信用中心发布规则目录后会显示在这里。'
    >
      {rules.data && all && all.length > 0 && (
        <View data-testid='rules-page'>
          <View className='cx-card cx-rules__intro'>
            <Text className='cx-rules__title'>信用规则目录</Text>
            <Text className='cx-rules__version' data-testid='rules-version'>
              第 {rules.data.version} 版 · {chinaDate(rules.data.effectiveFrom)} 起施行
            </Text>
            <Text className='cx-rules__text'>
              实行清单制管理：只有目录中列明的行为才会加分或减分。每条记录按发生时施行的目录版本计分，到期后自动不再计分。
            </Text>
          </View>

          <View className='cx-card cx-rules__filters'>
            <View className='cx-rules__search'>
              <Input
                className='cx-rules__input'
                data-testid='rules-search'
                {...labelled('搜索规则')}
                value={filter.query}
                placeholder='搜索名称、编号、依据、部门'
                confirmType='search'
                onInput={(e) => set({ query: e.detail.value })}
              />
              {filter.query !== '' && (
                <Text role='button' className='cx-rules__clear' data-testid='rules-search-clear' onClick={() => set({ query: '' })}>
                  清除
                </Text>
              )}
            </View>
            <Text className='cx-rules__group'>信用维度</Text>
            <View className='cx-rules__chips'>
              <FilterChip label='全部' active={filter.dimension === 'all'} testId='dim-all' onClick={() => set({ dimension: 'all' })} />
              {dimensions.map((d) => (
                <FilterChip
                  key={d.code}
                  label={d.label}
                  active={filter.dimension === d.code}
                  testId={`dim-${d.code}`}
                  onClick={() => set({ dimension: d.code })}
                />
              ))}
            </View>
            <Text className='cx-rules__group'>守信 / 失信</Text>
            <View className='cx-rules__chips'>
              {KINDS.map((k) => (
                <FilterChip key={k.value} label={k.label} active={filter.kind === k.value} testId={`kind-${k.value}`} onClick={() => set({ kind: k.value })} />
              ))}
            </View>
            <Text className='cx-rules__group'>适用对象</Text>
            <View className='cx-rules__chips'>
              {SUBJECTS.map((s) => (
                <FilterChip
                  key={s.value}
                  label={s.label}
                  active={filter.subject === s.value}
                  testId={`subject-${s.value}`}
                  onClick={() => set({ subject: s.value })}
                />
              ))}
            </View>
          </View>

          <Text className='cx-rules__count' data-testid='rules-count'>
            {filtered ? `找到 ${shown.length} 条规则（共 ${all.length} 条）` : `共 ${all.length} 条规则`}
          </Text>

          {shown.length === 0 ? (
            <EmptyState
              testId='rules-empty'
              title='没有符合条件的规则'
              description='换个关键词，或清除筛选条件再试试。'
              action={{ text: '清除筛选', onClick: () => setFilter(NO_FILTER) }}
            />
          ) : (
            shown.map((r) => <RuleCard key={`${r.subjectType}-${r.id}`} rule={r} />)
          )}
        </View>
      )}
    </PageShell>
  );
}
