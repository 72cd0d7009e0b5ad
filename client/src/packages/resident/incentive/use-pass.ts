import { useCallback, useEffect, useRef, useState } from 'react';
import { getPassStatus, isApiError, issuePass, type PassResponse } from '../../../services/api';

/** A new pass is fetched this long before the shown one expires, so the code never goes stale. */
export const REFRESH_LEAD_SECONDS = 5;
export const POLL_INTERVAL_MS = 2000;
const TICK_MS = 1000;
/** A pass the merchant scanned just before it expired is still answered "used" this long after. */
const POLL_GRACE_MS = 3000;
/** After a failed automatic refresh, try again at most this often. */
const RETRY_MS = 2000;
const QUIET = { silent: true } as const;

export type PassState =
  | { phase: 'issuing' }
  | { phase: 'showing'; pass: PassResponse; secondsLeft: number; refreshing: boolean }
  | { phase: 'verified'; redeemedAt: string; merchantName?: string }
  | { phase: 'refused'; message: string; reasons: string[]; title?: string }
  | { phase: 'failed'; message: string };

export interface PassController {
  state: PassState;
  /** Issue a new pass now (立即刷新, 重试). */
  refresh: () => void;
}

interface LivePass {
  passId: string;
  /** Client-clock time the pass expires (ms). */
  until: number;
}

interface Session {
  current: PassResponse | null;
  deadline: number;
  /** Every pass shown that may still be redeemed: the merchant may scan the previous one as it is replaced. */
  live: LivePass[];
  issuing: boolean;
  polling: boolean;
  lastAttempt: number;
  done: boolean;
}

const reasonsOf = (e: unknown): string[] => {
  const details = isApiError(e) ? (e.details as { reasons?: unknown } | undefined) : undefined;
  return Array.isArray(details?.reasons) ? details.reasons.filter((r): r is string => typeof r === 'string') : [];
};

const messageOf = (e: unknown) => (isApiError(e) ? e.message : '凭证生成失败，请稍后重试');

/** Whole seconds until the shown pass expires, by the phone's clock. */
const secondsLeftOf = (s: Session) => Math.max(0, Math.ceil((s.deadline - Date.now()) / 1000));

/**
 * A resident's pass for one scenario, kept fresh while `running`:
 * 1. issue a pass and count down its lifetime (by the phone's clock from when it arrived);
 * 2. issue the next one REFRESH_LEAD_SECONDS before it expires;
 * 3. every POLL_INTERVAL_MS ask whether any pass still valid was redeemed; the first "used"
 *    ends everything in 「已核验」.
 * Timers exist only while `running` is true and the pass is neither verified nor refused, so a
 * hidden or closed page stops both; showing it again resumes (with a new pass if needed).
 */
export function usePass(incentiveId: string, running: boolean): PassController {
  const [state, setState] = useState<PassState>({ phase: 'issuing' });
  const session = useRef<Session>({ current: null, deadline: 0, live: [], issuing: false, polling: false, lastAttempt: 0, done: false });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const update = useCallback((next: PassState) => {
    if (mounted.current && !session.current.done) setState(next);
  }, []);

  const finish = useCallback((next: PassState) => {
    if (!mounted.current || session.current.done) return;
    session.current.done = true;
    setState(next);
  }, []);

  /** Asks about every pass that may still be redeemed; true when one was (and 「已核验」 is shown). */
  const checkUsed = useCallback(async (): Promise<boolean> => {
    const s = session.current;
    const now = Date.now();
    s.live = s.live.filter((p) => now <= p.until + POLL_GRACE_MS);
    for (const p of [...s.live].reverse()) {
      try {
        const status = await getPassStatus(p.passId, QUIET);
        if (status.status === 'used') {
          finish({ phase: 'verified', redeemedAt: status.redeemedAt ?? new Date().toISOString(), merchantName: status.merchantName });
          return true;
        }
        if (status.status === 'refused' && status.refusal) {
          // The merchant was told only the verdict; the reasons are shown here, to the resident.
          finish({ phase: 'refused', title: `${status.refusal.merchantName}扫码核验未通过`, message: '商户扫码核验未通过', reasons: status.refusal.reasons });
          return true;
        }
        if (status.status === 'expired') s.live = s.live.filter((l) => l.passId !== p.passId);
      } catch {
        // A missed poll is made up two seconds later.
      }
    }
    return false;
  }, [finish]);

  const pollOnce = useCallback(async () => {
    const s = session.current;
    if (s.polling || s.done || s.live.length === 0) return;
    s.polling = true;
    try {
      await checkUsed();
    } finally {
      s.polling = false;
    }
  }, [checkUsed]);

  const issue = useCallback(async () => {
    const s = session.current;
    if (s.issuing || s.done) return;
    s.issuing = true;
    s.lastAttempt = Date.now();
    if (s.current) update({ phase: 'showing', pass: s.current, secondsLeft: secondsLeftOf(s), refreshing: true });
    try {
      const pass = await issuePass(incentiveId, QUIET);
      const arrived = Date.now();
      s.current = pass;
      s.deadline = arrived + pass.ttlSeconds * 1000;
      s.live = [...s.live, { passId: pass.passId, until: s.deadline }];
      update({ phase: 'showing', pass, secondsLeft: secondsLeftOf(s), refreshing: false });
    } catch (e) {
      if (isApiError(e) && e.code === 'NOT_ELIGIBLE') {
        // Most often the quota was just used up by the merchant scanning the pass on screen:
        // then this is 「已核验」, not a refusal.
        if (await checkUsed()) return;
        finish({ phase: 'refused', message: e.message, reasons: reasonsOf(e) });
      } else if (s.current && secondsLeftOf(s) > 0) {
        // Keep showing the pass that is still valid; the next tick tries again.
        update({ phase: 'showing', pass: s.current, secondsLeft: secondsLeftOf(s), refreshing: false });
      } else {
        update({ phase: 'failed', message: messageOf(e) });
      }
    } finally {
      s.issuing = false;
    }
  }, [incentiveId, update, finish, checkUsed]);

  const phase = state.phase;
  const live = running && (phase === 'issuing' || phase === 'showing');

  useEffect(() => {
    if (!live) return undefined;
    const s = session.current;
    const tick = () => {
      if (s.done || !s.current) return;
      const left = secondsLeftOf(s);
      if (left <= REFRESH_LEAD_SECONDS && !s.issuing) {
        if (Date.now() - s.lastAttempt >= RETRY_MS) {
          void issue();
          return;
        }
        if (left === 0) {
          update({ phase: 'failed', message: '凭证已过期，请重新出示' });
          return;
        }
      }
      update({ phase: 'showing', pass: s.current, secondsLeft: left, refreshing: s.issuing });
    };
    // Starting (or resuming after the page was hidden): a pass about to expire is replaced at once.
    if (!s.current || secondsLeftOf(s) <= REFRESH_LEAD_SECONDS) void issue();
    else tick();
    void pollOnce();
    const ticker = setInterval(tick, TICK_MS);
    const poller = setInterval(() => void pollOnce(), POLL_INTERVAL_MS);
    return () => {
      clearInterval(ticker);
      clearInterval(poller);
    };
  }, [live, issue, pollOnce, update]);

  const refresh = useCallback(() => {
    const s = session.current;
    if (s.done) return;
    if (phase === 'failed') {
      // Back to 'issuing': the effect above starts the timers again and issues a pass.
      s.current = null;
      setState({ phase: 'issuing' });
      return;
    }
    void issue();
  }, [issue, phase]);

  return { state, refresh };
}
