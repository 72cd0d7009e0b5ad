import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import TextAreaField from '../../../components/text-area-field';
import { useRequest } from '../../../hooks/use-request';
import { getHolidayYears, putHolidayYear, type HolidayYear } from '../../../services/admin-api';
import { chinaDate, chinaDateTime } from '../../../services/time';
import ConsoleFrame from '../shared/console';
import { problemText } from '../shared/errors';
import { Field, TextInput } from '../shared/fields';
import StateBlock from '../shared/state-block';
import { formatRanges, parseDates, withWeekday } from './dates';
import '../shared/console.scss';
import '../shared/fields.scss';
import './index.scss';

interface Draft {
  year: string;
  holidays: string;
  workdays: string;
  source: string;
}

const noticeName = (year: string) => `国务院办公厅关于${year}年部分节假日安排的通知`;
const emptyDraft = (year: number): Draft => ({ year: String(year), holidays: '', workdays: '', source: noticeName(String(year)) });
const draftOf = (y: HolidayYear): Draft => ({ year: String(y.year), holidays: formatRanges(y.holidays).join('\n'), workdays: y.workdays.join('\n'), source: y.source });

/** A year missing from the calendar: this year, or next year once its notice is due (November on). */
function missingYear(items: readonly HolidayYear[], now: Date): number | null {
  const today = chinaDate(now.toISOString());
  const year = Number(today.slice(0, 4));
  const known = new Set(items.map((y) => y.year));
  if (!known.has(year)) return year;
  if (Number(today.slice(5, 7)) >= 11 && !known.has(year + 1)) return year + 1;
  return null;
}

/** Dates separated by 、, a line breaking only between two of them. */
function DateList({ items }: { items: readonly string[] }) {
  return (
    <>
      {items.map((d, i) => (
        <Text key={d} className='cx-holidays__date'>
          {d}
          {i < items.length - 1 ? '、' : ''}
        </Text>
      ))}
    </>
  );
}

function YearCard({ y, onEdit }: { y: HolidayYear; onEdit: () => void }) {
  return (
    <View className='cx-console-card' data-testid={`holiday-year-${y.year}`}>
      <Text className='cx-console-card__title'>
        {y.year} 年 · {y.origin === 'bundled' ? '系统内置' : '信用中心录入'}
      </Text>
      <View className='cx-text-secondary'>
        放假（{y.holidays.length} 天）：<DateList items={formatRanges(y.holidays)} />
      </View>
      <View className='cx-console-card__note'>
        调休上班：{y.workdays.length > 0 ? <DateList items={y.workdays.map(withWeekday)} /> : '无'}
      </View>
      <Text className='cx-console-card__note'>
        依据：{y.source}
        {y.updatedAt ? ` · ${chinaDateTime(y.updatedAt)} 录入` : ''}
      </Text>
      <View className='cx-form-actions'>
        <Button className='cx-btn cx-btn--secondary' data-testid={`holiday-edit-${y.year}`} onClick={onEdit}>
          更正这一年
        </Button>
      </View>
    </View>
  );
}

function YearForm({ draft, setDraft, onSaved }: { draft: Draft; setDraft: (d: Draft) => void; onSaved: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  const set = (key: keyof Draft, value: string) => setDraft({ ...draft, [key]: value });

  const save = async () => {
    if (busy.current) return;
    const holidays = parseDates(draft.holidays);
    const workdays = parseDates(draft.workdays);
    const bad = [...holidays.bad, ...workdays.bad];
    if (!/^20\d{2}$/.test(draft.year)) return setError('年份应为 4 位数字，如 2027');
    if (bad.length > 0) return setError(`无法识别的日期：${bad.slice(0, 5).join('、')}（格式 2027-01-01 或 2027-02-05~2027-02-11）`);
    if (holidays.dates.length === 0) return setError('请填写放假日期');
    busy.current = true;
    setSaving(true);
    setError(null);
    try {
      await putHolidayYear(Number(draft.year), { holidays: holidays.dates, workdays: workdays.dates, source: draft.source.trim() }, { quietCodes: ['VALIDATION_FAILED'] });
      Taro.showToast({ title: '已保存', icon: 'success' }).catch(() => undefined);
      await onSaved();
    } catch (e) {
      setError(problemText(e));
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };

  return (
    <View className='cx-console-card' data-testid='holiday-form'>
      <Text className='cx-console-card__title'>录入或更正一年</Text>
      <Text className='cx-text-secondary cx-holidays__intro'>按国务院办公厅当年的通知填写；保存后新产生的答复期限（异议、修复 5 个工作日，银行审批 10 个工作日，双公示 7 个工作日）按此计算，已给出的期限不变。</Text>
      <Field label='年份'>
        <TextInput value={draft.year} onChange={(v) => setDraft({ ...draft, year: v.trim(), source: draft.source === noticeName(draft.year) ? noticeName(v.trim()) : draft.source })} type='number' maxlength={4} testId='holiday-year' />
      </Field>
      <TextAreaField label='放假日期（含其中的周末）' hint='如 2027-02-05~2027-02-11，每行一段' value={draft.holidays} onChange={(v) => set('holidays', v)} maxlength={2000} testId='holiday-days' />
      <TextAreaField label='调休上班的周末' hint='如 2027-02-14，每行一天' value={draft.workdays} onChange={(v) => set('workdays', v)} maxlength={500} testId='holiday-workdays' />
      <Field label='依据（通知名称、文号）'>
        <TextInput value={draft.source} onChange={(v) => set('source', v)} maxlength={200} testId='holiday-source' />
      </Field>
      {error && (
        <Text className='cx-form-error' data-testid='holiday-error'>
          {error}
        </Text>
      )}
      <View className='cx-form-actions'>
        <Button className='cx-btn' data-testid='holiday-save' disabled={saving ? true : undefined} onClick={save}>
          {saving ? '保存中…' : '保存'}
        </Button>
      </View>
    </View>
  );
}

function Holidays({ refresh }: { refresh: number }) {
  const years = useRequest(() => getHolidayYears(), [refresh]);
  const items = years.data?.items ?? [];
  const missing = years.data ? missingYear(items, new Date()) : null;
  const [draft, setDraft] = useState<Draft | null>(null);
  const defaultYear = missing ?? (items.at(-1)?.year ?? new Date().getFullYear()) + 1;
  const form = draft ?? emptyDraft(defaultYear);

  return (
    <StateBlock loading={years.loading && !years.data} error={years.error} onRetry={() => void years.reload()} testId='holidays-state'>
      {missing !== null && (
        <Text className='cx-form-error' data-testid='holiday-missing'>
          尚未录入 {missing} 年的节假日安排：在录入之前，该年的工作日期限只跳过周末。国务院办公厅通常在上一年 11 月发布通知。
        </Text>
      )}
      <YearForm
        draft={form}
        setDraft={setDraft}
        onSaved={async () => {
          setDraft(null);
          await years.reload();
        }}
      />
      {[...items].reverse().map((y) => (
        <YearCard key={y.year} y={y} onEdit={() => setDraft(draftOf(y))} />
      ))}
    </StateBlock>
  );
}

/** 节假日安排: the working-day calendar behind every deadline; the centre adds each new year. */
export default function HolidaysPage() {
  return (
    <ConsoleFrame roles={['admin']} title={() => '节假日安排'} subtitle={() => '工作日期限按国务院办公厅的放假调休通知计算'}>
      {(_me, refresh) => <Holidays refresh={refresh} />}
    </ConsoleFrame>
  );
}
