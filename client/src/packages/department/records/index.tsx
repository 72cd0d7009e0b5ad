import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { getCreditRecords, type DepartmentMe, type SubmittedRecord } from '../../../services/department-api';
import { DEPARTMENT_PAGES } from '../../../services/department-pages';
import { chinaDate, chinaDateTime } from '../../../services/time';
import { recordState } from '../shared/record-states';
import { SEVERITY_LABELS, signedPoints } from '../shared/rules';
import { PagedSection, useWorkbenchList } from '../shared/paged-section';
import { SUBJECT_TYPE_LABELS } from '../shared/subject';
import { DepartmentShell, useDepartmentMe } from '../shared/workbench';
import './index.scss';

const PAGE_SIZE = 20;

function RecordCard({ item }: { item: SubmittedRecord }) {
  const state = recordState(item.state);
  return (
    <View className='cx-dept-card cx-record' data-testid='record-item' data-id={item.id} data-state={item.state}>
      <View className='cx-record__head'>
        <Text className='cx-record__title' data-testid='record-title'>
          {item.title}
        </Text>
        <Text className={`cx-record__points cx-record__points--${item.points < 0 ? 'down' : 'up'}`} data-testid='record-points'>
          {signedPoints(item.points)}
        </Text>
      </View>
      <View className='cx-record__line'>
        <Text className={`cx-dept-chip cx-dept-chip--${state.tone}`} data-testid='record-state'>
          {state.label}
        </Text>
        {item.severity && <Text className='cx-record__severity'>{SEVERITY_LABELS[item.severity]}失信</Text>}
        <Text className='cx-record__rule'>{item.ruleId}</Text>
      </View>
      <View className='cx-record__facts'>
        <Text className='cx-record__fact' data-testid='record-subject'>
          {SUBJECT_TYPE_LABELS[item.subjectType] ?? '主体'}：{item.subjectMasked}
        </Text>
        <Text className='cx-record__fact'>发生：{chinaDate(item.occurredAt)}</Text>
        <Text className='cx-record__fact'>报送：{chinaDateTime(item.receivedAt)}</Text>
        <Text className='cx-record__fact cx-record__fact--source'>来源编号：{item.sourceId}</Text>
      </View>
      {state.help && <Text className='cx-record__help'>{state.help}</Text>}
    </View>
  );
}

function RecordList({ user }: { user: DepartmentMe }) {
  const list = useWorkbenchList((cursor) => getCreditRecords({ limit: PAGE_SIZE, cursor }), [user.orgId]);
  return (
    <PagedSection list={list} emptyTitle='还没有报送过记录' emptyDescription='报送的信用记录会按时间倒序显示在这里，并标明是否已生效。' testId='records'>
      <View data-testid='records-list'>
        <Text className='cx-records__intro'>按报送时间倒序排列。主体证件号码仅显示首尾几位。</Text>
        <View className='cx-records__grid'>
          {list.items.map((r) => (
            <RecordCard key={r.id} item={r} />
          ))}
        </View>
      </View>
    </PagedSection>
  );
}

/** 已报送记录: the department's records, newest first, with the state each is in. */
export default function RecordsPage() {
  const session = useDepartmentMe();
  return (
    <DepartmentShell session={session} title='已报送记录'>
      {(user) => (
        <View>
          <View className='cx-records__actions'>
            <Button className='cx-btn' data-testid='records-submit' onClick={() => void Taro.navigateTo({ url: DEPARTMENT_PAGES.submit })}>
              报送一条记录
            </Button>
            <Button className='cx-btn cx-btn--secondary' data-testid='records-upload' onClick={() => void Taro.navigateTo({ url: DEPARTMENT_PAGES.upload })}>
              批量上传
            </Button>
          </View>
          <RecordList user={user} />
        </View>
      )}
    </DepartmentShell>
  );
}
