import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import VerifyPage from '../../client/src/packages/public/verify';
import { parsePastedReport } from '../../client/src/packages/public/verify/parse-report';
import { clearSession } from '../../client/src/services/session';
import { signedReportJson } from '../../client/src/services/rights-api';
import { fakeApi, ok } from './support/fake-api';
import { SIGNED_REPORT } from './support/rights-fixtures';

const verifyBodies = () =>
  (Taro.request as jest.Mock).mock.calls.map((c) => c[0] as { url: string; data: unknown }).filter((o) => o.url === '/api/reports/verify').map((o) => o.data);

const paste = (text: string) => fireEvent.change(screen.getByTestId('verify-input'), { target: { value: text } });

describe('报告核验 (public)', () => {
  beforeEach(() => clearSession());

  it('needs no sign-in and shows 有效 ✓ with issuer, time and key for a genuine report', async () => {
    fakeApi({
      'POST /api/reports/verify': ok({ valid: true, keyId: 'report-key-2026', issuer: '管城回族区社会信用体系建设中心', issuedAt: '2026-11-27T02:00:00.000Z' }),
    });
    render(<VerifyPage />);
    expect(screen.queryByTestId('page-shell-signin')).not.toBeInTheDocument();
    paste(signedReportJson(SIGNED_REPORT));
    fireEvent.click(screen.getByTestId('verify-submit'));
    const result = await screen.findByTestId('verify-result');
    expect(result).toHaveAttribute('data-valid', 'true');
    expect(screen.getByTestId('verify-verdict')).toHaveTextContent('有效 ✓');
    expect(screen.getByTestId('verify-issuer')).toHaveTextContent('管城回族区社会信用体系建设中心');
    expect(screen.getByTestId('verify-issued-at')).toHaveTextContent('2026-11-27 10:00');
    expect(screen.getByTestId('verify-key')).toHaveTextContent('report-key-2026');
    // The report goes back exactly as pasted, with its signature.
    expect(verifyBodies()).toEqual([{ report: SIGNED_REPORT.report, signature: SIGNED_REPORT.signature }]);
  });

  it('names the department, purpose and number of businesses of a 信用核查 report', async () => {
    fakeApi({ 'POST /api/reports/verify': ok({ valid: true, reportType: 'credit-check', keyId: 'k', issuer: '管城回族区社会信用体系建设中心', issuedAt: '2026-11-27T02:00:00.000Z' }) });
    render(<VerifyPage />);
    const report = {
      reportType: 'credit-check',
      title: '公共信用核查报告',
      department: { id: 'org-dept-market', name: '管城回族区市场监督管理局' },
      purpose: 'bidding',
      purposeLabel: '招标投标',
      summary: { total: 3, clear: 2, restricted: 1, notFound: 0 },
      results: [],
    };
    paste(JSON.stringify({ report, signature: SIGNED_REPORT.signature }));
    fireEvent.click(screen.getByTestId('verify-submit'));
    await screen.findByTestId('verify-result');
    expect(screen.getByTestId('verify-subject')).toHaveTextContent('管城回族区市场监督管理局 · 招标投标前核查 3 家企业（存在限制 1 家）');
    expect(screen.getByTestId('verify-result')).toHaveTextContent('公共信用核查报告');
  });

  it('shows 无效 ✗ when the server finds the signature does not match', async () => {
    fakeApi({ 'POST /api/reports/verify': ok({ valid: false }) });
    render(<VerifyPage />);
    paste(signedReportJson({ ...SIGNED_REPORT, report: { ...SIGNED_REPORT.report, points: 120 } }));
    fireEvent.click(screen.getByTestId('verify-submit'));
    expect(await screen.findByTestId('verify-verdict')).toHaveTextContent('无效 ✗');
    expect(screen.getByTestId('verify-result')).toHaveAttribute('data-valid', 'false');
    expect(screen.queryByTestId('verify-issuer')).not.toBeInTheDocument();
  });

  it('says a genuine report past its validity is expired, not altered', async () => {
    fakeApi({ 'POST /api/reports/verify': ok({ valid: false, reason: 'EXPIRED' }) });
    render(<VerifyPage />);
    paste(signedReportJson(SIGNED_REPORT));
    fireEvent.click(screen.getByTestId('verify-submit'));
    expect(await screen.findByTestId('verify-verdict')).toHaveTextContent('无效 ✗');
    expect(screen.getByTestId('verify-explain')).toHaveTextContent('报告已超过有效期');
    expect(screen.getByTestId('verify-explain')).not.toHaveTextContent('改动');
  });

  it('explains text that is not a whole report without asking the server, and clears the verdict on edit', async () => {
    fakeApi({ 'POST /api/reports/verify': ok({ valid: true, keyId: 'k', issuer: 'i', issuedAt: '2026-11-27T02:00:00.000Z' }) });
    render(<VerifyPage />);
    paste(signedReportJson(SIGNED_REPORT).slice(0, -5));
    fireEvent.click(screen.getByTestId('verify-submit'));
    expect(screen.getByTestId('verify-input-error')).toHaveTextContent('请粘贴「复制报告」得到的全部文字');
    expect(verifyBodies()).toHaveLength(0);

    paste(signedReportJson(SIGNED_REPORT));
    fireEvent.click(screen.getByTestId('verify-submit'));
    await screen.findByTestId('verify-result');
    paste(`${signedReportJson(SIGNED_REPORT)} `);
    await waitFor(() => expect(screen.queryByTestId('verify-result')).not.toBeInTheDocument());
  });

  it('parsePastedReport names what is missing', () => {
    expect(parsePastedReport('')).toEqual({ ok: false, message: '请先粘贴报告内容' });
    expect(parsePastedReport('{"signature":"x"}')).toEqual({ ok: false, message: '没有找到报告正文（report）' });
    expect(parsePastedReport('{"report":{"a":1}}')).toEqual({ ok: false, message: '没有找到报告签名（signature）' });
    expect(parsePastedReport('{"report":{"a":1},"signature":"s"}')).toEqual({ ok: true, value: { report: { a: 1 }, signature: 's' } });
  });
});
