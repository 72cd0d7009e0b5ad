/** A selector for the visible element with this test id (Taro keeps hidden pages in the DOM). */
export const visible = (testId: string) => `[data-testid="${testId}"]:visible`;

/** The value a `beforeAll` set up, or a clear failure naming what did not start. */
export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} did not start`);
  return value;
}
