import { Text, View } from '@tarojs/components';
import type { CreditEventView } from '../../../../services/api';
import { chinaDate, countedText } from '../../shared/format';
import StatusBadge from '../status-badge';
import './index.scss';

interface EventTimelineProps {
  events: readonly CreditEventView[];
  onOpen: (event: CreditEventView) => void;
}

/** Credit events newest first: what happened, who reported it, when, and what it counts now. */
export default function EventTimeline({ events, onOpen }: EventTimelineProps) {
  return (
    <View className='cx-timeline' data-testid='event-timeline'>
      {events.map((e) => {
        const sign = e.points > 0 ? 'up' : e.points < 0 ? 'down' : 'zero';
        return (
          <View
            role='button'
            key={e.id}
            className={`cx-timeline__item cx-timeline__item--${e.status}`}
            hoverClass='cx-timeline__item--pressed'
            data-testid='event-item'
            data-event-id={e.id}
            onClick={() => onOpen(e)}
          >
            <View className={`cx-timeline__dot cx-timeline__dot--${sign}`} />
            <View className='cx-timeline__body'>
              <View className='cx-timeline__head'>
                <Text className='cx-timeline__title' data-testid='event-title'>
                  {e.title}
                </Text>
                <StatusBadge status={e.status} testId='event-status' />
              </View>
              <Text className='cx-timeline__meta'>
                {chinaDate(e.occurredAt)} · {e.department}
              </Text>
              <View className='cx-timeline__foot'>
                <Text
                  className={`cx-timeline__points cx-timeline__points--${e.countedPoints === e.points ? sign : 'muted'}`}
                  data-testid='event-points'
                >
                  {countedText(e)}
                </Text>
                <Text className='cx-timeline__more'>详情 ›</Text>
              </View>
            </View>
          </View>
        );
      })}
    </View>
  );
}
