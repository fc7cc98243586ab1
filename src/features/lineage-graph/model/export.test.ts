import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { csvCell } from '@/lib/csv';
import { exportFileName, toCsv, toJson, toSvg } from './export';
import { ref, treeOf } from './fixtures';
import { layoutGraph } from './layout-graph';

function input(tree = treeOf('b', ['a>b', 'b>c'], { a: 'error' })) {
  const model = buildGraph(tree);
  const nodes = [...model.nodes.keys()];
  const edges = [...model.edges.values()];
  const layout = layoutGraph({ nodes, edges: edges.map((e) => [e.source, e.target] as const) });
  return { tree, model, nodes, edges, layout };
}

describe('CSV', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+cmd', `"'+cmd"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\ttab', `"'\ttab"`],
    ['say "hi"', '"say ""hi"""'],
    ['plain', '"plain"'],
  ])('neutralises %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes one row per flow with statuses', () => {
    const tree = treeOf('b', ['=HYPERLINK("x")>b'], { b: 'warning' });
    const lines = toCsv(tree).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(`"c","s","'=HYPERLINK(""x"")","c","s","b","1000","","warning",""`);
  });
});

describe('SVG', () => {
  it('draws every table of the drawn graph, names escaped', () => {
    const tree = treeOf('b', ['b>c&d']);
    tree.flows.push({ source: ref('<script>alert(1)</script>'), target: ref('b'), rowCountEstimated: false });
    const svg = toSvg(input(tree));
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('c&amp;d');
    expect(svg).not.toContain('<script>');
    expect(svg.match(/<g>/g)).toHaveLength(3);
    expect(svg.match(/<path d="M[-\d.]+,[-\d.]+ C/g)).toHaveLength(2); // one curve per flow
    expect(() => new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror')).not.toThrow();
    expect(new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror')).toBeNull();
  });

  it('stands alone: title, date, source, legend, and each table as on screen (KPI rounded alike, rows, "⚠ N upstream", FOCUS)', () => {
    const tree = treeOf('b', ['a>b', 'b>c'], { a: 'error' });
    const a = tree.flows[0]?.sourceStatus;
    if (a) a.kpi = 55.555;
    const svg = toSvg({ ...input(tree), exportedAt: new Date('2026-11-30T08:15:00Z') });
    const text = [...new DOMParser().parseFromString(svg, 'image/svg+xml').querySelectorAll('text')].map((t) => t.textContent);
    expect(text).toContain('Data lineage of b');
    expect(text.some((t) => t?.startsWith('s · c — exported 2026-11-30 08:15 UTC from DQOps — 3 tables, 2 flows'))).toBe(true);
    expect(text).toEqual(expect.arrayContaining(['Valid', 'Warning', 'Error', 'Fatal', 'No checks', 'Not in DQOps', 'FOCUS']));
    expect(text.some((t) => t?.startsWith('KPI 55.6%'))).toBe(true);
    expect(text.some((t) => t?.includes('1K rows'))).toBe(true);
    expect(text.filter((t) => t === '⚠ 1 upstream')).toHaveLength(2); // b and c are fed by the failing a
    // Arrowheads in the picture's units: they do not grow with the width of the line.
    expect(svg.match(/<marker [^>]*markerUnits="userSpaceOnUse"/g)?.length).toBeGreaterThan(0);
  });

  it('draws a layout shifted to keep the focus still (positions above and left of 0) whole', () => {
    const base = input();
    const positions = new Map([...base.layout.positions].map(([key, p]) => [key, { x: p.x - 900, y: p.y - 400 }]));
    const svg = toSvg({ ...base, layout: { ...base.layout, positions } });
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const [, , width, height] = (doc.documentElement.getAttribute('viewBox') ?? '').split(' ').map(Number);
    const boxes = [...doc.querySelectorAll('g > rect:first-child')].map((rect) => ({ x: Number(rect.getAttribute('x')), y: Number(rect.getAttribute('y')) }));
    expect(boxes).toHaveLength(3);
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + 248).toBeLessThanOrEqual(width ?? 0);
      expect(box.y + 78).toBeLessThanOrEqual(height ?? 0);
    }
  });

  it('drops control characters that XML forbids', () => {
    const svg = toSvg(input(treeOf('b', ['bad\u0001name>b'])));
    expect(svg).toContain('badname');
    expect(new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror')).toBeNull();
  });
});

describe('JSON and file names', () => {
  it('exports the flows', () => {
    expect(JSON.parse(toJson(treeOf('b', ['a>b'])))).toMatchObject({
      relative_table: ref('b'),
      flows: [{ source: ref('a'), target: ref('b'), row_count: 1000 }],
    });
  });
  it('makes safe file names', () => {
    expect(exportFileName(treeOf('x/y:"z"', []), 'png')).toBe('lineage-c-s-x_y_z_.png');
  });
});
