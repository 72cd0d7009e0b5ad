import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Colour contrast of the theme (client/src/theme/theme.scss): every text colour meets WCAG 2 AA,
 * 4.5:1, on the backgrounds it is used on. Two checks:
 *   1. the token pairs: each text token on each light surface, and white text on each filled colour;
 *   2. every rule in client/src that sets both a solid `color` and a solid `background` (tokens or
 *      hex literals), so a badge or chip with its own tint is checked as written.
 */
const src = path.resolve(__dirname, '../../client/src');
const AA = 4.5;

/** `$color-name: #rrggbb;` lines of a theme file. */
function parseThemeColors(scss: string): Record<string, string> {
  const colors: Record<string, string> = {};
  for (const m of scss.matchAll(/^\$(color-[\w-]+):\s*(#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?)\s*;/gm)) colors[m[1]] = m[2].toLowerCase();
  return colors;
}

function rgb(hex: string): [number, number, number] {
  let h = hex.replace('#', '');
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new Error(`not a solid colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 to 21. */
function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const theme = parseThemeColors(readFileSync(path.join(src, 'theme/theme.scss'), 'utf8'));

/** A token (`$color-text`) or hex literal as a colour, or null (gradients, rgba, mixin arguments, inherit…). */
function solid(value: string | undefined, tokens: Record<string, string>): string | null {
  if (!value) return null;
  const v = value.trim();
  const token = /^\$(color-[\w-]+)$/.exec(v);
  if (token) return tokens[token[1]] ?? null;
  return /^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$/.test(v) ? v.toLowerCase() : null;
}

interface Pair { file: string; color: string; background: string; ratio: number }

/** The rules of one SCSS file that set both a solid text colour and a solid background (declared in the same block). */
function sameRulePairs(file: string, scss: string, tokens: Record<string, string>): Pair[] {
  const text = scss.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  const stack: Array<Map<string, string>> = [new Map()];
  const pairs: Pair[] = [];
  let buf = '';
  for (const ch of text) {
    if (ch === '{') {
      stack.push(new Map());
      buf = '';
    } else if (ch === '}') {
      const decls = stack.pop() ?? new Map<string, string>();
      buf = '';
      const colorValue = decls.get('color');
      const backgroundValue = decls.get('background') ?? decls.get('background-color');
      const color = solid(colorValue, tokens);
      const background = solid(backgroundValue, tokens);
      if (color && background) pairs.push({ file, color: colorValue!, background: backgroundValue!, ratio: contrastRatio(color, background) });
    } else if (ch === ';') {
      const m = /^\s*([\w-]+)\s*:\s*([\s\S]+)$/.exec(buf);
      if (m) stack[stack.length - 1].set(m[1], m[2].trim());
      buf = '';
    } else {
      buf += ch;
    }
  }
  return pairs;
}

function scssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? scssFiles(p) : e.name.endsWith('.scss') ? [p] : [];
  });
}

// Text tokens, and the light surfaces text sits on (page, card, and the tinted info/accent/error/warning panels and tags).
const TEXT = ['color-text', 'color-text-secondary', 'color-text-muted', 'color-primary', 'color-primary-dark', 'color-accent', 'color-danger', 'color-warning', 'color-success'];
const SURFACES = ['color-bg', 'color-card', 'color-primary-light', 'color-accent-light', 'color-danger-light', 'color-warning-light'];
// Filled colours that carry white text: buttons, badges, banners, status pills, the locked checkbox's tick.
const FILLS = ['color-primary', 'color-primary-dark', 'color-accent', 'color-danger', 'color-warning', 'color-success', 'color-text-secondary', 'color-text-muted'];

// Pairs that are not text to read, each with its reason.
const NOT_TEXT = [
  // The unchecked consent box: white on white hides its tick until it is checked (then green).
  { file: 'packages/resident/real-name/index.scss', color: '#fff', background: '$color-card' },
];

describe('the contrast function (WCAG 2)', () => {
  it('gives the known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1f5fbf', '#1f5fbf')).toBe(1);
    // #767676 is the lightest grey that passes AA on white; #777777 is the first that fails.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(AA);
  });

  it('fails a low-contrast pair: the old muted grey on a card (negative control)', () => {
    expect(contrastRatio('#8a94a3', '#ffffff')).toBeCloseTo(3.07, 2);
    expect(contrastRatio('#8a94a3', '#ffffff')).toBeLessThan(AA);
  });

  it('finds a low-contrast rule in SCSS (negative control of the rule scan)', () => {
    const scss = `.tag { padding: 4px; &--warn { background: $color-warning-light; color: #b7791f; } &--ok { color: $color-text; background: $color-card; } }`;
    const pairs = sameRulePairs('x.scss', scss, theme);
    expect(pairs.map((p) => p.color)).toEqual(['#b7791f', '$color-text']);
    expect(pairs.filter((p) => p.ratio < AA).map((p) => p.color)).toEqual(['#b7791f']);
  });
});

describe('the theme colours', () => {
  it('defines every token the pairs name', () => {
    for (const t of new Set([...TEXT, ...SURFACES, ...FILLS])) expect({ t, defined: /^#[0-9a-f]{3,6}$/.test(theme[t] ?? '') }).toEqual({ t, defined: true });
  });

  it('gives every text colour at least 4.5:1 on every light surface', () => {
    const failing = TEXT.flatMap((text) =>
      SURFACES.map((surface) => ({ text, surface, ratio: Number(contrastRatio(theme[text], theme[surface]).toFixed(2)) })),
    ).filter((p) => p.ratio < AA);
    expect(failing).toEqual([]);
  });

  it('gives white text at least 4.5:1 on every filled colour', () => {
    const failing = FILLS.map((fill) => ({ fill, ratio: Number(contrastRatio('#ffffff', theme[fill]).toFixed(2)) })).filter((p) => p.ratio < AA);
    expect(failing).toEqual([]);
  });

  it('keeps muted text distinguishable from secondary and body text', () => {
    const onCard = (t: string) => contrastRatio(theme[t], theme['color-card']);
    expect(onCard('color-text')).toBeGreaterThan(onCard('color-text-secondary'));
    expect(onCard('color-text-secondary')).toBeGreaterThan(onCard('color-text-muted') + 1);
  });
});

describe('the stylesheets of the client', () => {
  it('set no text colour under 4.5:1 on a background given in the same rule', () => {
    const pairs = scssFiles(src).flatMap((f) => sameRulePairs(path.relative(src, f), readFileSync(f, 'utf8'), theme));
    // Badges, tags and banners with their own tint are there to be checked.
    expect(pairs.length).toBeGreaterThan(30);
    const failing = pairs
      .filter((p) => p.ratio < AA)
      .filter((p) => !NOT_TEXT.some((n) => n.file === p.file && n.color === p.color && n.background === p.background))
      .map((p) => ({ ...p, ratio: Number(p.ratio.toFixed(2)) }));
    expect(failing).toEqual([]);
  });
});
