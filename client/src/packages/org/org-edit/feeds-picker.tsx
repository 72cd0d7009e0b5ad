import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RuleView } from '../../../services/api';
import { signedPoints } from '../../admin/shared/format';

interface RuleGroup {
  department: string;
  name: string;
  rules: RuleView[];
}

/** The catalogue grouped by the department that owns each rule, in catalogue order. */
export function groupRules(rules: readonly RuleView[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const r of rules) {
    const g = groups.get(r.department) ?? { department: r.department, name: r.departmentName, rules: [] };
    g.rules.push(r);
    groups.set(r.department, g);
  }
  return [...groups.values()];
}

const SUBJECT_LABELS: Record<RuleView['subjectType'], string> = { person: '个人', enterprise: '企业' };

function RuleRow({ rule, on, locked, onToggle }: { rule: RuleView; on: boolean; locked?: boolean; onToggle?: () => void }) {
  return (
    <View
      className={`cx-feed-rule${on ? ' cx-feed-rule--on' : ''}${locked ? ' cx-feed-rule--locked' : ''}`}
      role='checkbox'
      aria-checked={on}
      aria-disabled={locked}
      data-testid={`feed-rule-${rule.id}`}
      onClick={locked ? undefined : onToggle}
    >
      <View className='cx-feed-rule__box'>
        <Text>{on ? '✓' : ''}</Text>
      </View>
      <View className='cx-feed-rule__text'>
        <Text className='cx-feed-rule__title'>{rule.title}</Text>
        <Text className='cx-feed-rule__meta'>
          {rule.id} · {SUBJECT_LABELS[rule.subjectType]} · {signedPoints(rule.points)} 分
        </Text>
      </View>
    </View>
  );
}

interface FeedsPickerProps {
  rules: readonly RuleView[];
  /** The department being edited: its own rules it may always submit. */
  ownId?: string;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}

/**
 * Which catalogue rules a department may submit besides its own: one folding group per owning
 * department, with 全选 / 清空, so 37 rules stay readable on a phone.
 */
export default function FeedsPicker({ rules, ownId, selected, onChange }: FeedsPickerProps) {
  const [open, setOpen] = useState<string | null>(null);
  const groups = groupRules(rules);
  const own = groups.find((g) => g.department === ownId);
  const others = groups.filter((g) => g.department !== ownId);

  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  const setGroup = (g: RuleGroup, on: boolean) => {
    const ids = g.rules.map((r) => r.id);
    const rest = selected.filter((x) => !ids.includes(x));
    onChange(on ? [...rest, ...ids] : rest);
  };

  return (
    <View className='cx-feeds' data-testid='feeds-picker'>
      {own && (
        <View className='cx-feeds__group'>
          <View className='cx-feeds__head cx-feeds__head--static'>
            <Text className='cx-feeds__name'>本部门规则</Text>
            <Text className='cx-feeds__count'>始终可报送 {own.rules.length} 条</Text>
          </View>
          {own.rules.map((r) => (
            <RuleRow key={r.id} rule={r} on locked />
          ))}
        </View>
      )}
      {others.map((g) => {
        const count = g.rules.filter((r) => selected.includes(r.id)).length;
        const expanded = open === g.department;
        return (
          <View key={g.department} className='cx-feeds__group' data-testid={`feeds-group-${g.department}`}>
            <View
              role='button'
              className='cx-feeds__head'
              hoverClass='cx-feeds__head--pressed'
              aria-expanded={expanded}
              data-testid={`feeds-group-toggle-${g.department}`}
              onClick={() => setOpen(expanded ? null : g.department)}
            >
              <Text className='cx-feeds__name'>{g.name}</Text>
              <Text className={`cx-feeds__count${count > 0 ? ' cx-feeds__count--on' : ''}`}>
                已选 {count}/{g.rules.length} {expanded ? '▴' : '▾'}
              </Text>
            </View>
            {expanded && (
              <View>
                <View className='cx-feeds__bulk'>
                  <Text role='button' className='cx-feeds__link' onClick={() => setGroup(g, true)}>
                    全选
                  </Text>
                  <Text role='button' className='cx-feeds__link' onClick={() => setGroup(g, false)}>
                    清空
                  </Text>
                </View>
                {g.rules.map((r) => (
                  <RuleRow key={r.id} rule={r} on={selected.includes(r.id)} onToggle={() => toggle(r.id)} />
                ))}
              </View>
            )}
          </View>
        );
      })}
    </View>
  );
}
