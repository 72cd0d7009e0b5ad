import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import ConfirmDialog from '../../../components/confirm-dialog';
import Segmented from '../../../components/segmented';
import { useRequest } from '../../../hooks/use-request';
import { getRuleVersions, publishRuleVersion, type CatalogueVersionSummary } from '../../../services/admin-api';
import { getRules, type RuleView } from '../../../services/api';
import { chinaDate, chinaDateTime, chinaToday } from '../../../services/time';
import { signedPoints } from '../shared/format';
import ConsoleFrame from '../shared/console';
import { problemText } from '../shared/errors';
import { DateField, Field, TextInput } from '../shared/fields';
import StateBlock from '../shared/state-block';
import { cloneWithEdit, editProblem } from './clone-catalogue';
import '../shared/console.scss';
import '../shared/fields.scss';
import './index.scss';

const SEVERITY: Record<string, string> = { light: '轻微', general: '一般', serious: '严重' };
const SUBJECTS = [
  { value: 'person', label: '个人' },
  { value: 'enterprise', label: '企业' },
] as const;

function duration(r: RuleView): string {
  if (r.points > 0) return `计分 ${r.validityMonths} 个月`;
  return `${SEVERITY[r.severity ?? ''] ?? ''}失信 · 公示 ${r.minPublicationMonths ?? 0}–${r.validityMonths} 个月`;
}

function RuleRow({ rule, onEdit }: { rule: RuleView; onEdit: () => void }) {
  return (
    <View className='cx-rule' data-testid='rule-row' data-rule-id={rule.id}>
      <View className='cx-rule__main'>
        <Text className='cx-rule__title'>
          <Text className='cx-rule__id'>{rule.id}</Text> {rule.title}
        </Text>
        <Text className='cx-rule__meta'>
          {rule.dimensionLabel} · {duration(rule)} · 年度上限 {rule.yearlyCap} · {rule.departmentName}
        </Text>
      </View>
      <View className='cx-rule__side'>
        <Text className={`cx-rule__points cx-rule__points--${rule.points > 0 ? 'up' : 'down'}`}>{signedPoints(rule.points)}</Text>
        <Text role='button' className='cx-rule__edit' data-testid='rule-edit' onClick={onEdit}>
          调整
        </Text>
      </View>
    </View>
  );
}

interface PublishFormProps {
  rule: RuleView;
  rules: readonly RuleView[];
  onPublished: (version: number) => void;
  onCancel: () => void;
}

/**
 * A new catalogue version = the current one with one rule's points (and yearly cap) changed.
 * Events already scored keep the version they were scored under.
 */
function PublishForm({ rule, rules, onPublished, onCancel }: PublishFormProps) {
  const [points, setPoints] = useState(String(rule.points));
  const [cap, setCap] = useState(String(rule.yearlyCap));
  const [when, setWhen] = useState<'now' | 'date'>('now');
  const [day, setDay] = useState(chinaToday());
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const edit = { ruleId: rule.id, points: Number(points), yearlyCap: Number(cap) };

  const review = () => {
    const p = editProblem(rule, edit) ?? (note.trim().length < 2 ? '请填写版本说明（至少 2 个字）' : null) ?? (when === 'date' && day <= chinaToday() ? '指定日期须晚于今天；今天生效请选择「立即生效」' : null);
    setProblem(p);
    if (!p) setConfirming(true);
  };

  const publish = async () => {
    try {
      const effectiveFrom = when === 'now' ? new Date(Date.now()).toISOString() : `${day}T00:00:00+08:00`;
      const done = await publishRuleVersion({ effectiveFrom, note: note.trim(), rules: cloneWithEdit(rules, edit) }, { quietCodes: ['VALIDATION_FAILED', 'VERSION_CONFLICT'] });
      setConfirming(false);
      onPublished(done.version);
    } catch (e) {
      setConfirming(false);
      setProblem(problemText(e));
    }
  };

  return (
    <View className='cx-publish' data-testid='publish-form'>
      <Text className='cx-publish__title'>发布新版本：调整 {rule.id}</Text>
      <Text className='cx-text-secondary'>
        {rule.title}：现为 {signedPoints(rule.points)} 分，年度上限 {rule.yearlyCap}。新版本沿用现行目录的其他 {rules.length - 1} 条规则；已计分的记录仍按原版本计算。
      </Text>
      <View className='cx-publish__row'>
        <Field label='新分值' hint={rule.points < 0 ? '失信规则为负数' : '守信规则为正数'}>
          <TextInput value={points} onChange={setPoints} type='text' maxlength={4} testId='publish-points' />
        </Field>
        <Field label='年度上限'>
          <TextInput value={cap} onChange={setCap} type='number' maxlength={3} testId='publish-cap' />
        </Field>
      </View>
      <Field label='生效时间'>
        <Segmented
          options={[
            { value: 'now', label: '立即生效' },
            { value: 'date', label: '指定日期' },
          ]}
          value={when}
          onChange={setWhen}
          testId='publish-when'
        />
        {when === 'date' && <DateField value={day} onChange={setDay} testId='publish-day' />}
      </Field>
      <Field label='版本说明'>
        <TextInput value={note} onChange={setNote} placeholder='如：依据新规调整一般行政处罚扣分' maxlength={200} testId='publish-note' />
      </Field>
      {problem && (
        <Text className='cx-form-error' data-testid='publish-error'>
          {problem}
        </Text>
      )}
      <View className='cx-form-actions'>
        <Button className='cx-btn cx-btn--secondary' onClick={onCancel}>
          取消
        </Button>
        <Button className='cx-btn' data-testid='publish-submit' onClick={review}>
          发布新版本
        </Button>
      </View>
      {confirming && (
        <ConfirmDialog title='确认发布新版规则目录？' confirmText='确认发布' onConfirm={publish} onCancel={() => setConfirming(false)} testId='publish-confirm'>
          <Text className='cx-publish__line'>
            {rule.id} {rule.title}：{signedPoints(rule.points)} → {signedPoints(edit.points)} 分，年度上限 {rule.yearlyCap} → {edit.yearlyCap}
          </Text>
          <Text className='cx-publish__line'>生效：{when === 'now' ? '立即' : `${day} 零时`}</Text>
          <Text className='cx-publish__line'>发布后不能撤回，只能再发布新版本。</Text>
        </ConfirmDialog>
      )}
    </View>
  );
}

function Versions({ items, current }: { items: readonly CatalogueVersionSummary[]; current: number }) {
  const sorted = [...items].sort((a, b) => b.version - a.version);
  return (
    <View className='cx-console-card' data-testid='rule-versions'>
      <Text className='cx-console-card__title'>版本记录</Text>
      {sorted.map((v) => (
        <View key={v.version} className='cx-version' data-testid='rule-version'>
          <View className='cx-version__head'>
            <Text className='cx-version__name'>第 {v.version} 版</Text>
            {v.version === current && <Text className='cx-version__tag'>现行</Text>}
            {v.version > current && <Text className='cx-version__tag cx-version__tag--future'>待生效</Text>}
          </View>
          <Text className='cx-version__meta'>
            {chinaDate(v.effectiveFrom)} 起生效 · {chinaDateTime(v.publishedAt)} 发布 · {v.ruleCount} 条
          </Text>
          <Text className='cx-version__note'>{v.note}</Text>
        </View>
      ))}
    </View>
  );
}

function Catalogue({ refresh }: { refresh: number }) {
  const [reloads, setReloads] = useState(0);
  const rules = useRequest(() => getRules(), [refresh, reloads]);
  const versions = useRequest(() => getRuleVersions(), [refresh, reloads]);
  const [subject, setSubject] = useState<'person' | 'enterprise'>('person');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<RuleView | null>(null);
  const items = rules.data?.items ?? [];
  const q = query.trim().toLowerCase();
  const shown = items.filter((r) => r.subjectType === subject && (q === '' || r.id.toLowerCase().includes(q) || r.title.includes(query.trim())));
  const pending = (versions.data?.items ?? []).filter((v) => v.version > (rules.data?.version ?? 0));

  return (
    <View data-testid='rules-page'>
      <View className='cx-console__grid cx-rules__grid'>
        <View className='cx-console-card'>
          <StateBlock loading={rules.loading && !rules.data} error={rules.error} onRetry={() => void rules.reload()} testId='rules'>
            {rules.data && (
              <View>
                <Text className='cx-console-card__title' data-testid='rules-current'>
                  现行目录：第 {rules.data.version} 版（{chinaDate(rules.data.effectiveFrom)} 起，{items.length} 条）
                </Text>
                {pending.length > 0 && (
                  <Text className='cx-form-error'>已有待生效的第 {pending.map((v) => v.version).join('、')} 版；在此发布会以现行版本为底稿，请先确认。</Text>
                )}
                <Segmented options={SUBJECTS} value={subject} onChange={setSubject} testId='rules-subject' />
                <TextInput value={query} onChange={setQuery} placeholder='按编号或名称筛选' testId='rules-search' />
                <View className='cx-rules__list'>
                  {shown.map((r) => (
                    <View key={r.id}>
                      <RuleRow rule={r} onEdit={() => setEditing(editing?.id === r.id ? null : r)} />
                      {/* The form opens under the rule it changes. */}
                      {editing?.id === r.id && (
                        <PublishForm
                          rule={r}
                          rules={items}
                          onCancel={() => setEditing(null)}
                          onPublished={(version) => {
                            setEditing(null);
                            setReloads((n) => n + 1);
                            Taro.showToast({ title: `已发布第 ${version} 版`, icon: 'success' }).catch(() => undefined);
                          }}
                        />
                      )}
                    </View>
                  ))}
                  {shown.length === 0 && <Text className='cx-text-secondary'>没有符合条件的规则</Text>}
                </View>
              </View>
            )}
          </StateBlock>
        </View>
        <StateBlock loading={versions.loading && !versions.data} error={versions.error} onRetry={() => void versions.reload()} testId='versions'>
          {versions.data && <Versions items={versions.data.items} current={rules.data?.version ?? 0} />}
        </StateBlock>
      </View>
    </View>
  );
}

/** 规则目录: the catalogue in force, its versions, and publishing a new version. */
export default function RulesAdminPage() {
  return (
    <ConsoleFrame roles={['admin']} nav='rules' title={() => '规则目录'} subtitle={() => '清单制管理：没有规则，就没有积分'}>
      {(_me, refresh) => <Catalogue refresh={refresh} />}
    </ConsoleFrame>
  );
}
