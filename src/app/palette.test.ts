// The colours are one table (src/lib/palette.ts): styles.css defines each of them as a custom
// property with the same value and writes none of them anywhere else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paletteVariables, statusVar } from '@/lib/palette';

// styles.css is an index of @imports: read every file it names.
const index = readFileSync(join(__dirname, 'styles.css'), 'utf8');
const css = [...index.matchAll(/@import '([^']+)';/g)].map((m) => readFileSync(join(__dirname, m[1] as string), 'utf8')).join('\n');

function definitions(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of text.matchAll(/^\s*(--ls-[\w-]+)\s*:\s*([^;]+);/gm)) out.set(match[1] as string, (match[2] as string).trim().toLowerCase());
  return out;
}

/** Palette colours written outside a custom property's definition (a restated colour). */
function restated(text: string): string[] {
  const colours = new Set(Object.values(paletteVariables()).map((value) => value.toLowerCase()));
  return text
    .split('\n')
    .filter((line) => !/^\s*--ls-[\w-]+\s*:/.test(line) && !line.trim().startsWith('`'))
    .flatMap((line) => [...line.toLowerCase().matchAll(/#[0-9a-f]{6}\b/g)].map((m) => m[0]).filter((hex) => colours.has(hex)).map((hex) => `${hex} in “${line.trim()}”`));
}

describe('the palette', () => {
  it('the index names the three style files', () => {
    expect([...index.matchAll(/@import/g)]).toHaveLength(3);
  });

  it('styles.css defines every colour of the palette with the value the canvas and the exports use', () => {
    const defined = definitions(css);
    for (const [name, value] of Object.entries(paletteVariables())) expect(defined.get(name), name).toBe(value.toLowerCase());
  });

  it('styles.css restates none of them', () => {
    expect(restated(css)).toEqual([]);
  });

  it('the check finds a restated colour and a changed value (probes)', () => {
    expect(restated('.x { color: #C2410C; }')).toHaveLength(1);
    expect(definitions('  --ls-status-error: #c2410d;').get('--ls-status-error')).not.toBe(paletteVariables()['--ls-status-error']);
  });

  it('the DOM reads a status colour through its custom property', () => {
    expect(statusVar('error', 'tint')).toBe('var(--ls-status-error-tint, #fde7dc)');
    expect(paletteVariables()['--ls-status-error-tint']).toBe('#fde7dc');
  });
});
