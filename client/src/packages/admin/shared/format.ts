const MINUS = '\u2212';

/** `+5`, `−8` (a real minus sign). */
export const signedPoints = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `${MINUS}${Math.abs(n)}` : '0');
