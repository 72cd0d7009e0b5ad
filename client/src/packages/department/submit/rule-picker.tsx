import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { RuleView, SubjectType } from '../../../services/department-api';
import { ruleFacts, rulesFor, signedPoints } from '../shared/rules';
import { SUBJECT_TYPE_LABELS } from '../shared/subject';
import { labelled } from '../../../components/field-label';

interface RulePickerProps {
  /** The rules this department may submit. */
  rules: readonly RuleView[];
  subjectType: SubjectType;
  selected: RuleView | null;
  onSelect: (rule: RuleView) => void;
  error?: string;
}

function RuleRow({ rule, active, onClick }: { rule: RuleView; active: boolean; onClick?: () => void }) {
  return (
    <View
      className={`cx-rule-pick__item${active ? ' cx-rule-pick__item--active' : ''}`}
      data-testid='rule-option'
      data-rule-id={rule.id}
      role='radio'
      aria-checked={active}
      onClick={onClick}
    >
      <View className='cx-rule-pick__head'>
        <Text className='cx-rule-pick__title'>{rule.title}</Text>
        <Text className={`cx-rule-pick__points cx-rule-pick__points--${rule.points < 0 ? 'down' : 'up'}`}>{signedPoints(rule.points)}</Text>
      </View>
      <Text className='cx-rule-pick__meta'>
        {rule.id} · {rule.dimensionLabel} · {ruleFacts(rule)}
      </Text>
    </View>
  );
}

/**
 * The rule of the record: the department's rules for the chosen kind of subject, searchable;
 * once one is picked the list folds to it, with 更换 to open it again.
 */
export default function RulePicker({ rules, subjectType, selected, onSelect, error }: RulePickerProps) {
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(selected === null);
  const forType = rulesFor(rules, subjectType);
  const shown = rulesFor(rules, subjectType, search);
  const expanded = open || selected === null;

  return (
    <View className='cx-rule-pick' data-testid='rule-picker'>
      <View className='cx-rule-pick__label-row'>
        <Text className='cx-rule-pick__label'>规则</Text>
        {selected && !expanded && (
          <Text role='button' className='cx-dept-link' data-testid='rule-change' onClick={() => setOpen(true)}>
            更换
          </Text>
        )}
      </View>
      {selected && !expanded && (
        <View data-testid='rule-selected'>
          <RuleRow rule={selected} active />
          <Text className='cx-rule-pick__basis'>依据：{selected.legalBasis}</Text>
        </View>
      )}
      {expanded && forType.length === 0 && (
        <View className='cx-rule-pick__empty' data-testid='rule-none'>
          <Text>本部门没有适用于{SUBJECT_TYPE_LABELS[subjectType]}的规则。如需报送，请联系信用中心调整信用信息目录。</Text>
        </View>
      )}
      {expanded && forType.length > 0 && (
        <View>
          <View className={`cx-rule-pick__search${error ? ' cx-rule-pick__search--error' : ''}`}>
            <Input
              className='cx-rule-pick__input'
              data-testid='rule-search'
              {...labelled('搜索规则')}
              value={search}
              maxlength={30}
              placeholder={`搜索规则名称或编号（共 ${forType.length} 条）`}
              onInput={(e) => setSearch(e.detail.value)}
            />
          </View>
          <View className='cx-rule-pick__list' role='radiogroup'>
            {shown.length === 0 && (
              <Text className='cx-rule-pick__nomatch' data-testid='rule-nomatch'>
                没有找到「{search.trim()}」相关的规则
              </Text>
            )}
            {shown.map((r) => (
              <RuleRow
                key={r.id}
                rule={r}
                active={selected?.id === r.id}
                onClick={() => {
                  onSelect(r);
                  setOpen(false);
                  setSearch('');
                }}
              />
            ))}
          </View>
        </View>
      )}
      {error && (
        <Text className='cx-rule-pick__error' data-testid='rule-error'>
          {error}
        </Text>
      )}
    </View>
  );
}
