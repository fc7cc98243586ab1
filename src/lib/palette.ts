// The app's colours, in one table. The DOM reads them as CSS custom properties (styles.css
// defines each `--ls-…` below with the same value, and src/app/palette.test.ts fails when the two
// differ or when styles.css writes one of these colours anywhere else); what is painted outside
// CSS (the overview canvas, React Flow's SVG arrows, the minimap, exported pictures) reads the
// values here.
import type { SeverityKey } from './severity';

/** Status colours, colour-blind-safe (distinct in lightness and hue), always with an icon.
 * color: strokes and icons (≥ 3:1 on white); text: words on the tint (≥ 4.5:1, WCAG AA). */
export const STATUS_COLOURS: Record<SeverityKey, { color: string; tint: string; text: string }> = {
  valid: { color: '#1a7f5a', tint: '#e3f4ec', text: '#0b5238' },
  warning: { color: '#a66a00', tint: '#fdf3d8', text: '#6b4400' },
  error: { color: '#c2410c', tint: '#fde7dc', text: '#8a2c06' },
  fatal: { color: '#7e1d6e', tint: '#f6e0f1', text: '#661659' },
  none: { color: '#6b7280', tint: '#f1f2f4', text: '#424852' },
  unknown: { color: '#6b7280', tint: '#f1f2f4', text: '#424852' },
  missing: { color: '#6b7280', tint: '#f5f5f5', text: '#424852' },
};

/** Staged draft changes. */
export const DIFF_COLOURS = { added: '#067647', removed: '#b42318', changed: '#b54708' } as const;

/** Everything else that is painted: the focus table, cards, words, the grid, connectors, column mappings. */
export const INK = {
  focus: '#1d4ed8',
  focusTint: '#eef4ff',
  surface: '#ffffff',
  border: '#b8c0cc',
  text: '#1f2933',
  muted: '#5b6675',
  grid: '#e3e7ed',
  connector: '#98a2b3',
  column: '#7c3aed',
} as const;

/** The custom property of a status colour (with the value as fallback, for a page without styles.css). */
export function statusVar(key: SeverityKey, part: 'color' | 'tint' | 'text'): string {
  return `var(--ls-status-${key}${part === 'color' ? '' : `-${part}`}, ${STATUS_COLOURS[key][part]})`;
}

/** Every custom property styles.css must define, with its value. */
export function paletteVariables(): Record<string, string> {
  const out: Record<string, string> = {
    '--ls-text': INK.text,
    '--ls-muted': INK.muted,
    '--ls-border-strong': INK.border,
    '--ls-accent-strong': INK.focus,
    '--ls-focus-tint': INK.focusTint,
    '--ls-column': INK.column,
    '--ls-danger': DIFF_COLOURS.removed,
    '--ls-diff-added': DIFF_COLOURS.added,
    '--ls-diff-removed': DIFF_COLOURS.removed,
    '--ls-diff-changed': DIFF_COLOURS.changed,
  };
  for (const [key, colours] of Object.entries(STATUS_COLOURS)) {
    out[`--ls-status-${key}`] = colours.color;
    out[`--ls-status-${key}-tint`] = colours.tint;
    out[`--ls-status-${key}-text`] = colours.text;
  }
  return out;
}
