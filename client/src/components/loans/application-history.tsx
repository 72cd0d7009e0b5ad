import { Text, View } from '@tarojs/components';
import type { ApplicationView } from '../../services/loans-api';
import { ROLE_NAMES, STATUS_TONES } from '../../services/loans-format';
import { chinaDateTime } from '../../services/time';
import './application-history.scss';

/** An application's history, oldest first: each state, who moved it there, when, and why. */
export default function ApplicationHistory({ history }: { history: ApplicationView['history'] }) {
  return (
    <View className='cx-loan-history' data-testid='application-history'>
      {history.map((h, i) => (
        <View
          key={`${h.status}-${h.at}-${i}`}
          className='cx-loan-history__item'
          data-testid='history-item'
          data-status={h.status}
        >
          <View className={`cx-loan-history__dot cx-loan-history__dot--${STATUS_TONES[h.status]}`} />
          <View className='cx-loan-history__body'>
            <Text className={`cx-loan-history__status cx-loan-history__status--${STATUS_TONES[h.status]}`} data-testid='history-status'>
              {h.statusLabel}
            </Text>
            <Text className='cx-loan-history__meta'>
              {chinaDateTime(h.at)} · {ROLE_NAMES[h.byRole] ?? h.byRole} {h.by}
            </Text>
            {h.reason && (
              <Text className='cx-loan-history__reason' data-testid='history-reason'>
                理由：{h.reason}
              </Text>
            )}
          </View>
        </View>
      ))}
    </View>
  );
}
