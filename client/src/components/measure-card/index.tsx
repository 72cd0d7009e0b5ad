import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { Measure } from '../../services/rights-api';
import { labelValueRow } from '../label-value';
import './index.scss';

export const MEASURE_SEVERITY_LABELS: Record<Measure['severity'], string> = { light: '轻微', general: '一般', serious: '严重' };
export const MEASURE_AFFECTS_LABELS: Record<Measure['affects'][number], string> = { incentives: '信易+ 守信激励', loans: '信易贷' };
/** 信用核查 purposes a measure restricts (部门在这些业务前核查企业信用). */
export const MEASURE_PURPOSE_LABELS: Record<Measure['purposes'][number], string> = { procurement: '政府采购', bidding: '招标投标', approval: '行政审批', award: '评优评先', subsidy: '财政补贴' };

const Row = labelValueRow('cx-measure');

interface MeasureCardProps {
  measure: Measure;
  /** Extra rows first (why it applies to me, until when). */
  lead?: ReactNode;
  testId?: string;
  onClick?: () => void;
}

/** One listed joint-punishment measure: what it restricts, on what basis, for how long, how to get out. */
export default function MeasureCard({ measure: m, lead, testId = 'measure-item', onClick }: MeasureCardProps) {
  return (
    <View role='button' className='cx-measure' data-testid={testId} data-measure-id={m.id} onClick={onClick}>
      <View className='cx-measure__head'>
        <Text className='cx-measure__title' data-testid='measure-title'>
          {m.title}
        </Text>
        <Text className={`cx-measure__severity cx-measure__severity--${m.severity}`}>{MEASURE_SEVERITY_LABELS[m.severity]}</Text>
      </View>
      <Text className='cx-measure__desc'>{m.description}</Text>
      {lead}
      <Row label='名单类型'>{m.listType}</Row>
      {m.affects.length > 0 && <Row label='限制范围'>{m.affects.map((a) => MEASURE_AFFECTS_LABELS[a]).join('、')}</Row>}
      {(m.purposes ?? []).length > 0 && (
        <Row label='核查用途' testId='measure-purposes'>
          {m.purposes.map((p) => MEASURE_PURPOSE_LABELS[p]).join('、')}
        </Row>
      )}
      <Row label='期限'>{`最长 ${m.durationMonths} 个月`}</Row>
      <Row label='法律依据'>{m.legalBasis}</Row>
      <Row label='如何解除' testId='measure-exit'>
        {m.howToExit}
      </Row>
    </View>
  );
}
