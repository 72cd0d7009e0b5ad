import type { ReactNode } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import CommitmentCard from '../../../components/commitment-card';
import PageShell, { EmptyState } from '../../../components/page-shell';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { getPublicEnterprise, type PublicEnterprise } from '../../../services/commitments-api';
import { labelValueRow } from '../../../components/label-value';
import './index.scss';

type License = PublicEnterprise['licenses'][number];
type Penalty = PublicEnterprise['penalties'][number];

const Row = labelValueRow('cx-pent');

function LicenseItem({ l }: { l: License }) {
  return (
    <View className='cx-pent__item' data-testid='public-license'>
      <Text className='cx-pent__item-title'>{l.content}</Text>
      <Row label='决定文书号'>{l.decisionNo}</Row>
      <Row label='许可类别'>{l.category}</Row>
      <Row label='有效期'>{`${l.validFrom} 至 ${l.validTo}`}</Row>
      <Row label='许可机关'>{l.authorityName}</Row>
    </View>
  );
}

function PenaltyItem({ p }: { p: Penalty }) {
  return (
    <View className='cx-pent__item' data-testid='public-penalty'>
      <View className='cx-pent__item-head'>
        <Text className='cx-pent__item-title'>{p.content}</Text>
        <Text className={`cx-pent__severity cx-pent__severity--${p.severity}`}>{p.severity === 'serious' ? '严重' : '一般'}</Text>
      </View>
      <Row label='决定书文号'>{p.decisionNo}</Row>
      <Row label='处罚类别'>{p.category}</Row>
      {p.fineYuan !== undefined && <Row label='罚款金额'>{`${p.fineYuan.toLocaleString('zh-CN')} 元`}</Row>}
      <Row label='处罚依据'>{p.legalBasis}</Row>
      <Row label='决定日期'>{p.decidedOn}</Row>
      <Row label='处罚机关'>{p.authorityName}</Row>
      <Row label='公示至' testId='public-penalty-until' tone='danger'>
        {p.lastPublicDay}
      </Row>
    </View>
  );
}

function Section({ title, count, children, testId }: { title: string; count?: number; children: ReactNode; testId: string }) {
  return (
    <View className='cx-card' data-testid={testId}>
      <Text className='cx-section-title'>
        {title}
        {count !== undefined && <Text className='cx-pent__count'>（{count}）</Text>}
      </Text>
      {children}
    </View>
  );
}

/**
 * A business's public credit page, signed out too (as 信用中国 shows one): registry data with the
 * legal representative masked, 行政许可 and 行政处罚 (each penalty only while public, with the day
 * its publication ends), 信用承诺 with their 违诺 marks, and 「信用修复」 guidance while a penalty or
 * a breach is shown.
 */
export default function PublicEnterprisePage() {
  const { params } = useRouter();
  const uscc = String(params.uscc ?? '').toUpperCase();
  const page = useRequest(() => getPublicEnterprise(uscc, { quietCodes: ['NOT_FOUND', 'INVALID_USCC'] }), [uscc], uscc.length > 0);
  usePullToRefresh(page.reload);
  const e = page.data;

  return (
    <PageShell
      requireAuth={false}
      loading={uscc.length > 0 && !e && !page.error}
      error={page.error}
      onRetry={page.reload}
      empty={uscc.length === 0}
      emptyTitle='未指定企业'
      emptyDescription='请从企业信用查询进入。'
    >
      {e && (
        <View data-testid='public-enterprise'>
          <View className='cx-card'>
            <Text className='cx-pent__name' data-testid='public-enterprise-name'>
              {e.name}
            </Text>
            <Row label='统一社会信用代码' testId='public-enterprise-uscc'>
              {e.uscc}
            </Row>
            <Row label='法定代表人' testId='public-enterprise-legal'>
              {e.legalRepresentative}
            </Row>
            <Row label='成立日期'>{e.establishedOn}</Row>
            <Row label='登记状态' testId='public-enterprise-status' tone={e.status === 'active' ? undefined : 'danger'}>
              {e.statusLabel}
            </Row>
            <Text className='cx-pent__source'>登记信息来自市场监管部门；行政许可、行政处罚由作出决定的部门公示。</Text>
          </View>

          <Section title='行政许可' count={e.licenses.length} testId='public-licenses'>
            {e.licenses.length === 0 ? <Text className='cx-pent__none'>暂无公示的行政许可</Text> : e.licenses.map((l) => <LicenseItem key={l.decisionNo} l={l} />)}
          </Section>

          <Section title='行政处罚' count={e.penalties.length} testId='public-penalties'>
            {e.penalties.length === 0 ? (
              <Text className='cx-pent__none'>暂无公示期内的行政处罚</Text>
            ) : (
              e.penalties.map((p) => <PenaltyItem key={p.decisionNo} p={p} />)
            )}
          </Section>

          <Section title='信用承诺' count={e.commitments.length} testId='public-commitments'>
            {e.commitments.length === 0 ? (
              <EmptyState title='暂无信用承诺' description='企业在「诚信管城」签署的信用承诺会在这里公开。' testId='public-commitments-empty' />
            ) : (
              e.commitments.map((c) => <CommitmentCard key={c.id} commitment={c} />)
            )}
          </Section>

          {e.repairGuidance && (
            <View className='cx-card cx-pent__repair' data-testid='public-repair-guidance'>
              <Text className='cx-section-title'>{e.repairGuidance.title}</Text>
              <Text className='cx-pent__repair-text'>{e.repairGuidance.text}</Text>
              {e.repairGuidance.steps.map((s, i) => (
                <Text key={i} className='cx-pent__repair-step'>
                  {i + 1}. {s}
                </Text>
              ))}
            </View>
          )}
        </View>
      )}
    </PageShell>
  );
}
