import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import PageShell from '../../client/src/components/page-shell';
import MinePage from '../../client/src/pages/mine';
import { clearSession, saveToken } from '../../client/src/services/session';
import { setLargeFont } from '../../client/src/services/settings';
import { storageSnapshot } from './stubs/taro';
import { fakeApi, ok, ZHANG_ME } from './support/fake-api';

describe('大字模式', () => {
  beforeEach(() => {
    clearSession();
    setLargeFont(false);
    saveToken('tok');
    fakeApi({ 'GET /api/me': ok(ZHANG_ME) });
  });

  it('the switch on 我的 enlarges this page and every other mounted page, and persists', async () => {
    render(
      <>
        <MinePage />
        <PageShell className='other-page'>
          <p>首页内容</p>
        </PageShell>
      </>,
    );
    await screen.findByTestId('mine');
    const [mineRoot, otherRoot] = screen.getAllByTestId('page-root');
    const toggle = screen.getByTestId('large-font-switch');
    expect(toggle).not.toBeChecked();
    expect(mineRoot).not.toHaveClass('cx-page--large');

    fireEvent.click(toggle);

    expect(toggle).toBeChecked();
    expect(mineRoot).toHaveClass('cx-page--large');
    expect(otherRoot).toHaveClass('cx-page--large');
    expect(Object.values(storageSnapshot())).toContain(true);

    fireEvent.click(toggle);
    expect(mineRoot).not.toHaveClass('cx-page--large');
    expect(otherRoot).not.toHaveClass('cx-page--large');
    expect(Object.values(storageSnapshot())).not.toContain(true);
  });

  it('is read back from storage when the app starts again', () => {
    setLargeFont(true);
    jest.isolateModules(() => {
      // A fresh copy of the settings module, as after a restart, reading the same storage.
      const fresh = require('../../client/src/services/settings') as typeof import('../../client/src/services/settings');
      expect(fresh.isLargeFont()).toBe(true);
    });
    setLargeFont(false);
    jest.isolateModules(() => {
      const fresh = require('../../client/src/services/settings') as typeof import('../../client/src/services/settings');
      expect(fresh.isLargeFont()).toBe(false);
    });
  });

  it('shows the profile with the masked ID number only', async () => {
    render(<MinePage />);
    await waitFor(() => expect(screen.getByTestId('mine-name')).toHaveTextContent('张伟'));
    expect(screen.getByTestId('mine-real-name')).toHaveTextContent('已认证');
    expect(screen.getByText('4101**********1234')).toBeInTheDocument();
  });
});
