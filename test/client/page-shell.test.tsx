import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PageShell from '../../client/src/components/page-shell';
import { ApiError } from '../../client/src/services/api';
import { clearSession, saveToken } from '../../client/src/services/session';
import { setLargeFont } from '../../client/src/services/settings';

describe('PageShell', () => {
  beforeEach(() => {
    clearSession();
    setLargeFont(false);
    saveToken('token-1');
  });

  it('shows a loading state with 加载中… instead of the content', () => {
    render(
      <PageShell loading>
        <p>内容</p>
      </PageShell>,
    );
    expect(screen.getByTestId('page-shell-loading')).toHaveTextContent('加载中…');
    expect(screen.queryByText('内容')).not.toBeInTheDocument();
  });

  it('shows the error message and calls onRetry when 重试 is tapped', () => {
    const onRetry = jest.fn();
    render(
      <PageShell error={new ApiError(500, 'INTERNAL', '服务器开小差了，请稍后重试')} onRetry={onRetry}>
        <p>内容</p>
      </PageShell>,
    );
    expect(screen.getByTestId('page-shell-error')).toHaveTextContent('服务器开小差了，请稍后重试');
    expect(onRetry).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('内容')).not.toBeInTheDocument();
  });

  it('shows a generic Chinese message for an error that is not from the API', () => {
    render(<PageShell error={new TypeError('x is undefined')} onRetry={() => undefined} />);
    expect(screen.getByTestId('page-shell-error')).toHaveTextContent('页面加载失败，请稍后重试');
    expect(screen.getByTestId('page-shell-error')).not.toHaveTextContent('x is undefined');
  });

  it('shows the empty state with its title and description', () => {
    render(
      <PageShell empty emptyTitle='暂无核销记录' emptyDescription='核验后会显示在这里'>
        <p>内容</p>
      </PageShell>,
    );
    const empty = screen.getByTestId('page-shell-empty');
    expect(empty).toHaveTextContent('暂无核销记录');
    expect(empty).toHaveTextContent('核验后会显示在这里');
    expect(screen.queryByText('内容')).not.toBeInTheDocument();
  });

  it('asks a signed-out user to sign in and 去登录 opens the sign-in page', () => {
    clearSession();
    render(
      <PageShell>
        <p>内容</p>
      </PageShell>,
    );
    expect(screen.getByTestId('page-shell-signin')).toHaveTextContent('请先登录');
    expect(screen.queryByText('内容')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '去登录' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('treats a 401 from the API as signed out, not as a failure', () => {
    render(<PageShell error={new ApiError(401, 'UNAUTHENTICATED', '请先登录')} onRetry={() => undefined} />);
    expect(screen.getByTestId('page-shell-signin')).toBeInTheDocument();
    expect(screen.queryByTestId('page-shell-error')).not.toBeInTheDocument();
  });

  it('shows the sign-in state as soon as the session ends on a mounted page', () => {
    render(
      <PageShell>
        <p>内容</p>
      </PageShell>,
    );
    expect(screen.getByText('内容')).toBeInTheDocument();
    act(() => clearSession());
    expect(screen.getByTestId('page-shell-signin')).toBeInTheDocument();
  });

  it('renders public content without a session when requireAuth is false', () => {
    clearSession();
    render(
      <PageShell requireAuth={false}>
        <p>公开内容</p>
      </PageShell>,
    );
    expect(screen.getByText('公开内容')).toBeInTheDocument();
    expect(screen.queryByTestId('page-shell-signin')).not.toBeInTheDocument();
  });

  it('applies the large-font class to the page root while 大字模式 is on', () => {
    render(
      <PageShell>
        <p>内容</p>
      </PageShell>,
    );
    const root = screen.getByTestId('page-root');
    expect(root).toHaveClass('cx-page');
    expect(root).not.toHaveClass('cx-page--large');
    act(() => setLargeFont(true));
    expect(root).toHaveClass('cx-page--large');
    act(() => setLargeFont(false));
    expect(root).not.toHaveClass('cx-page--large');
  });
});
