/** Time comes in from outside so domain rules and use cases are testable at any moment. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

export const epochSeconds = (clock: Clock): number => Math.floor(clock.now().getTime() / 1000);
