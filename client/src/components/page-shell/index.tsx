import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import OrgBadge, { type ActingOrg } from '../org-badge';
import PrivacySheet from '../privacy-sheet';
import { isApiError } from '../../services/api';
import { goToLogin, useToken } from '../../services/session';
import { useLargeFont } from '../../services/settings';
import './index.scss';

export interface PageShellProps {
  /** Shown above whatever state the page is in. */
  header?: ReactNode;
  /** The organisation a staff member acts for on this page: shown as 「代表：…」 at the top. */
  actingFor?: ActingOrg | null;
  loading?: boolean;
  /** Any thrown error; an ApiError with status 401 shows the sign-in state. */
  error?: unknown;
  onRetry?: () => void;
  empty?: boolean;
  emptyTitle?: string;
  emptyDescription?: string;
  /** An optional way out of the empty state (e.g. 返回首页). */
  emptyAction?: EmptyAction;
  /** Pages with public content pass false; everything else needs a session. */
  requireAuth?: boolean;
  className?: string;
  children?: ReactNode;
}

type ShellState = 'signedOut' | 'loading' | 'error' | 'empty' | 'ready';

function stateOf(p: PageShellProps, signedIn: boolean): ShellState {
  if (p.requireAuth !== false && !signedIn) return 'signedOut';
  if (isApiError(p.error) && p.error.status === 401) return 'signedOut';
  if (p.loading) return 'loading';
  if (p.error) return 'error';
  if (p.empty) return 'empty';
  return 'ready';
}

function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  return '页面加载失败，请稍后重试';
}

export interface EmptyAction {
  text: string;
  onClick: () => void;
}

interface EmptyStateProps {
  title: string;
  description?: string;
  action?: EmptyAction;
  testId?: string;
}

/** The empty look (also used inside a ready page for a section with nothing in it yet). */
export function EmptyState({ title, description, action, testId }: EmptyStateProps) {
  return (
    <View className='cx-state' data-testid={testId}>
      <View className='cx-state__icon cx-state__icon--empty'>
        <View className='cx-state__icon-line' />
        <View className='cx-state__icon-line cx-state__icon-line--short' />
      </View>
      <Text className='cx-state__title'>{title}</Text>
      {description && <Text className='cx-state__desc'>{description}</Text>}
      {action && (
        <Button className='cx-btn cx-btn--secondary cx-state__action' onClick={action.onClick}>
          {action.text}
        </Button>
      )}
    </View>
  );
}

/**
 * The frame of every page: applies the theme and 大字模式, and shows the loading, error,
 * empty and 「请先登录」 states so pages only render their ready content.
 */
export default function PageShell(props: PageShellProps) {
  const token = useToken();
  const largeFont = useLargeFont();
  const state = stateOf(props, token !== null);
  const rootClass = ['cx-page', largeFont ? 'cx-page--large' : '', props.className ?? ''].filter(Boolean).join(' ');

  return (
    <View className={rootClass} data-testid='page-root' role='main'>
      {props.actingFor && state !== 'signedOut' && <OrgBadge org={props.actingFor} />}
      {props.header}
      {state === 'signedOut' && (
        <View className='cx-state' data-testid='page-shell-signin'>
          <View className='cx-state__icon cx-state__icon--user'>
            <View className='cx-state__icon-head' />
            <View className='cx-state__icon-body' />
          </View>
          <Text className='cx-state__title'>请先登录</Text>
          <Text className='cx-state__desc'>登录后即可查看您的信用信息和专属服务</Text>
          <Button className='cx-btn cx-state__action' data-testid='page-shell-login' onClick={() => goToLogin()}>
            去登录
          </Button>
        </View>
      )}
      {state === 'loading' && (
        <View className='cx-state cx-state--loading' data-testid='page-shell-loading'>
          <View className='cx-skeleton cx-skeleton--title' />
          <View className='cx-skeleton' />
          <View className='cx-skeleton cx-skeleton--short' />
          <Text className='cx-state__desc'>加载中…</Text>
        </View>
      )}
      {state === 'error' && (
        <View className='cx-state' data-testid='page-shell-error'>
          <View className='cx-state__icon cx-state__icon--error'>
            <Text className='cx-state__icon-mark'>!</Text>
          </View>
          <Text className='cx-state__title'>加载失败</Text>
          <Text className='cx-state__desc'>{errorMessage(props.error)}</Text>
          {props.onRetry && (
            <Button className='cx-btn cx-state__action' data-testid='page-shell-retry' onClick={props.onRetry}>
              重试
            </Button>
          )}
        </View>
      )}
      {state === 'empty' && (
        <EmptyState
          testId='page-shell-empty'
          title={props.emptyTitle ?? '暂无内容'}
          description={props.emptyDescription}
          action={props.emptyAction}
        />
      )}
      {state === 'ready' && props.children}
      {/* WeChat's privacy check can hold an API on any page: the agreement sheet lives in every page's frame. */}
      <PrivacySheet />
    </View>
  );
}
