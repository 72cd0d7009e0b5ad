import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import PageShell, { EmptyState } from '../../../components/page-shell';
import { labelled } from '../../../components/field-label';
import { isApiError } from '../../../services/api';
import { publicEnterprisePage, searchEnterprises, type SearchHit } from '../../../services/commitments-api';
import './index.scss';

type Outcome = { query: string; items: SearchHit[] } | { query: string; error: string };

/**
 * 企业信用查询 (public, signed out too): a unified social credit code or at least two characters
 * of a name; each business found opens its public page (登记信息、双公示、信用承诺).
 */
export default function PublicSearchPage() {
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const running = useRef(false);

  const search = async () => {
    const query = q.trim();
    if (running.current) return;
    if (Array.from(query.replace(/\s+/g, '')).length < 2) {
      setHint('请输入统一社会信用代码，或企业名称中至少 2 个字');
      return;
    }
    setHint(null);
    running.current = true;
    setBusy(true);
    try {
      const res = await searchEnterprises(query, { quietCodes: ['INVALID_USCC', 'VALIDATION_FAILED', 'RATE_LIMITED'] });
      setOutcome({ query, items: res.items });
    } catch (e) {
      setOutcome({ query, error: isApiError(e) ? e.message : '查询失败，请稍后重试' });
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <PageShell requireAuth={false}>
      <View className='cx-card cx-psearch' data-testid='public-search'>
        <Text className='cx-psearch__title'>企业信用查询</Text>
        <Text className='cx-psearch__intro'>查询管城回族区企业的登记信息、行政许可和行政处罚（双公示）、信用承诺及履约情况。无需登录。</Text>
        <View className={`cx-psearch__box${hint ? ' cx-psearch__box--error' : ''}`}>
          <Input
            className='cx-psearch__input'
            data-testid='public-search-input'
            {...labelled('企业名称或统一社会信用代码')}
            value={q}
            maxlength={100}
            confirmType='search'
            placeholder='企业名称或统一社会信用代码'
            onInput={(e) => {
              setQ(e.detail.value);
              setHint(null);
            }}
            onConfirm={() => void search()}
          />
        </View>
        {hint && (
          <Text className='cx-psearch__hint' data-testid='public-search-hint' role='alert'>
            {hint}
          </Text>
        )}
        <Button className='cx-btn cx-psearch__go' data-testid='public-search-go' disabled={busy ? true : undefined} onClick={() => void search()}>
          查询
        </Button>
      </View>

      {outcome && 'error' in outcome && (
        <View className='cx-card' data-testid='public-search-error' role='alert'>
          <Text className='cx-psearch__error'>{outcome.error}</Text>
        </View>
      )}
      {outcome && 'items' in outcome && (
        <View className='cx-card' data-testid='public-search-results'>
          {outcome.items.length === 0 ? (
            <EmptyState title='没有找到相关企业' description={`登记信息中没有名称包含「${outcome.query}」或代码为此的企业，请核对后重试。`} testId='public-search-empty' />
          ) : (
            <>
              <Text className='cx-psearch__count'>
                找到 {outcome.items.length} 家{outcome.items.length >= 20 ? '（最多显示 20 家，请输入更完整的名称）' : ''}
              </Text>
              {outcome.items.map((e) => (
                <View
                  key={e.uscc}
                  role='button'
                  className='cx-psearch__hit'
                  hoverClass='cx-psearch__hit--pressed'
                  data-testid='public-search-hit'
                  data-uscc={e.uscc}
                  onClick={() => void Taro.navigateTo({ url: publicEnterprisePage(e.uscc) })}
                >
                  <View className='cx-psearch__hit-body'>
                    <Text className='cx-psearch__hit-name'>{e.name}</Text>
                    <Text className='cx-psearch__hit-code'>{e.uscc}</Text>
                  </View>
                  <Text className={`cx-psearch__status cx-psearch__status--${e.status}`}>{e.statusLabel}</Text>
                  <Text className='cx-psearch__chevron'>›</Text>
                </View>
              ))}
            </>
          )}
        </View>
      )}
    </PageShell>
  );
}
