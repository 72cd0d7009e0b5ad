import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { NoticeView } from '../../services/notices-api';
import { chinaDate } from '../../services/time';
import './index.scss';

/** One 信用动态 entry: category, title and date; a tap opens the full text (and folds it again). */
export default function NoticeItem({ notice, children }: { notice: NoticeView; children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <View className='cx-notice' data-testid='notice' data-notice-id={notice.id}>
      <View
        className='cx-notice__head'
        role='button'
        aria-expanded={open}
        hoverClass='cx-notice__head--pressed'
        data-testid='notice-toggle'
        onClick={() => setOpen(!open)}
      >
        <View className='cx-notice__meta'>
          <Text className={`cx-notice__tag cx-notice__tag--${notice.category}`}>{notice.categoryLabel}</Text>
          <Text className='cx-notice__date'>{chinaDate(notice.publishedAt)}</Text>
        </View>
        <Text className='cx-notice__title' data-testid='notice-title'>
          {notice.title}
        </Text>
        <Text className={`cx-notice__body${open ? '' : ' cx-notice__body--folded'}`} data-testid='notice-body'>
          {notice.body}
        </Text>
        <Text className='cx-notice__more'>{open ? '收起' : '展开全文'}</Text>
      </View>
      {children}
    </View>
  );
}
