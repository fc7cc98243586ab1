import { describe, expect, it } from 'vitest';
import { buildGraph } from '../model/build-graph';
import { treeOf } from '../model/fixtures';
import type { LayoutResult } from '../model/layout';
import { edgeGeometry, paintOverview, type OverviewContext } from './paint-overview';

/** A 2D context that records the names it writes and the alpha each rectangle batch is filled with. */
function recorder() {
  const texts: { text: string; alpha: number }[] = [];
  const fills: { colour: string; alpha: number; rects: number }[] = [];
  const strokes: number[] = [];
  let rects = 0;
  let curves = 0;
  const context = {
    globalAlpha: 1,
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textBaseline: 'alphabetic',
    setTransform() {},
    clearRect() {},
    beginPath() {
      rects = 0;
      curves = 0;
    },
    moveTo() {},
    bezierCurveTo() {
      curves += 1;
    },
    rect() {
      rects += 1;
    },
    fill() {
      fills.push({ colour: String(this.fillStyle), alpha: this.globalAlpha, rects });
    },
    stroke() {
      strokes.push(curves);
    },
    fillText(text: string) {
      texts.push({ text, alpha: this.globalAlpha });
    },
  };
  return { context: context as unknown as OverviewContext, texts, fills, strokes };
}

const model = buildGraph(treeOf('c', ['a>b', 'b>c', 'x>c'], { a: 'fatal' }));
const layout: LayoutResult = {
  algorithm: 'layered',
  width: 2000,
  height: 400,
  positions: new Map([
    ['c/s/a', { x: 0, y: 0 }],
    ['c/s/b', { x: 400, y: 0 }],
    ['c/s/c', { x: 800, y: 0 }],
    ['c/s/x', { x: 5000, y: 5000 }], // off screen at the cameras below
  ]),
};
const keys = [...layout.positions.keys()];
const scene = (emphasis = { causes: new Map() } as Parameters<typeof paintOverview>[2]['emphasis']) => ({
  model,
  nodes: keys,
  positions: layout.positions,
  geometry: edgeGeometry([...model.edges.values()], layout),
  emphasis,
});
const size = { width: 1200, height: 600, dpr: 1 };

describe('paintOverview', () => {
  it('names the tables on screen when they are large enough to read, and no others', () => {
    const { context, texts } = recorder();
    paintOverview(context, { x: 0, y: 0, k: 1 }, scene(), size);
    expect(texts.map((t) => t.text).sort()).toEqual(['a', 'b', 'c']);
    const far = recorder();
    paintOverview(far.context, { x: 0, y: 0, k: 0.1 }, scene(), size);
    expect(far.texts).toEqual([]); // too small to read: boxes only
    expect(far.fills.reduce((n, f) => n + f.rects, 0)).toBeGreaterThan(0);
  });

  it('fades what is not in focus, and skips links off screen', () => {
    const { context, texts, strokes } = recorder();
    paintOverview(context, { x: 0, y: 0, k: 1 }, scene({ causes: new Map(), nodes: new Set(['c/s/a', 'c/s/b']), edges: new Set() }), size);
    expect(texts.find((t) => t.text === 'a')?.alpha).toBe(1);
    expect(texts.find((t) => t.text === 'c')?.alpha).toBe(0.2);
    // a→b and b→c are on screen; x→c starts 5,000 px away but ends on screen, so it is drawn too.
    expect(strokes.filter((n) => n > 0).reduce((a, b) => a + b, 0)).toBe(3);
    const moved = recorder();
    paintOverview(moved.context, { x: -10_000, y: -10_000, k: 1 }, scene(), size);
    expect(moved.strokes.filter((n) => n > 0)).toEqual([]);
  });
});
