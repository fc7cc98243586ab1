import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH, type Point } from './layout';
import { FIT_MAX_ZOOM, READABLE_ZOOM, startViewport } from './viewport';

const column = (count: number, x = 0): [string, Point][] => Array.from({ length: count }, (_, i) => [`n${x}:${i}`, { x, y: i * 100 }]);

describe('startViewport', () => {
  it('fits a small graph, centred, never zoomed in past FIT_MAX_ZOOM', () => {
    const positions = new Map<string, Point>([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 300, y: 0 }],
    ]);
    const view = startViewport(positions, 'a', 1000, 600);
    expect(view.zoom).toBe(FIT_MAX_ZOOM);
    // The middle of the two tables lands in the middle of the canvas.
    const middleX = (0 + 300 + NODE_WIDTH) / 2;
    expect(view.x + middleX * view.zoom).toBeCloseTo(500);
    expect(view.y + (NODE_HEIGHT / 2) * view.zoom).toBeCloseTo(300);
  });

  it('fits a mid-size graph when its names stay readable', () => {
    const view = startViewport(new Map([...column(8, 0), ...column(8, 400)]), undefined, 1000, 1000);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(view.zoom).toBeLessThan(FIT_MAX_ZOOM);
  });

  it('centres on the focus table at a readable zoom instead of shrinking a hub to slivers', () => {
    const positions = new Map<string, Point>([...column(100, 0), ['hub', { x: 400, y: 4950 }], ...column(100, 800)]);
    const view = startViewport(positions, 'hub', 1000, 600);
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(view.x + (400 + NODE_WIDTH / 2) * view.zoom).toBeCloseTo(500);
    expect(view.y + (4950 + NODE_HEIGHT / 2) * view.zoom).toBeCloseTo(300);
  });

  it('falls back to zoom 1 at the origin with nothing to show or no room', () => {
    expect(startViewport(new Map(), 'x', 1000, 600)).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(startViewport(new Map([['a', { x: 0, y: 0 }]]), 'a', 0, 0)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
