import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH, type Point } from './layout';
import { FIT_MAX_ZOOM, FRAME_MARGIN, MIN_START_ZOOM, READABLE_ZOOM, nudgeIntoView, startViewport, type Viewport } from './viewport';

const column = (count: number, x = 0): [string, Point][] => Array.from({ length: count }, (_, i) => [`n${x}:${i}`, { x, y: i * 100 }]);
/** Whether the table at `p` is wholly on a `width` × `height` screen under `view`. */
const inView = (view: Viewport, p: Point, width: number, height: number) =>
  view.x + p.x * view.zoom >= 0 &&
  view.y + p.y * view.zoom >= 0 &&
  view.x + (p.x + NODE_WIDTH) * view.zoom <= width &&
  view.y + (p.y + NODE_HEIGHT) * view.zoom <= height;
/** Five columns as the default neighbourhood draws them: 2 hops upstream, the focus, 2 hops downstream. */
function neighbourhood(perColumn: number): { positions: Map<string, Point>; neighbours: { upstream: string[]; downstream: string[] } } {
  const positions = new Map<string, Point>();
  const neighbours = { upstream: [] as string[], downstream: [] as string[] };
  for (let c = 0; c < 5; c += 1) {
    for (let i = 0; i < (c === 2 ? 1 : perColumn); i += 1) {
      const key = c === 2 ? 'focus' : `c${c}:${i}`;
      positions.set(key, { x: c * 358, y: c === 2 ? ((perColumn - 1) * 100) / 2 : i * 100 });
      if (c === 1) neighbours.upstream.push(key);
      if (c === 3) neighbours.downstream.push(key);
    }
  }
  return { positions, neighbours };
}

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

  it('fits a graph whose names stay readable (12 px or more on screen)', () => {
    const view = startViewport(new Map([...column(4, 0), ...column(4, 358)]), undefined, 1000, 600);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(14 * view.zoom).toBeGreaterThanOrEqual(12);
  });

  it('frames the focus and its direct neighbours at a readable zoom when the whole neighbourhood is not readable', () => {
    const { positions, neighbours } = neighbourhood(4);
    for (const width of [1024, 1280, 1440, 1920]) {
      const canvas = { width: width - 40 - 330, height: 560 }; // the canvas beside the side panel
      const view = startViewport(positions, 'focus', canvas.width, canvas.height, neighbours);
      const fitsAll = [...positions.values()].every((p) => inView(view, p, canvas.width, canvas.height));
      // From 1,280 px the focus and its neighbours fit readable; at 1,024 px the zoom comes down to fit them.
      if (!fitsAll && width >= 1280) expect(view.zoom).toBeCloseTo(READABLE_ZOOM, 5);
      if (!fitsAll) expect(view.zoom).toBeLessThanOrEqual(READABLE_ZOOM + 1e-9);
      expect(view.zoom).toBeGreaterThanOrEqual(MIN_START_ZOOM);
      for (const key of ['focus', ...neighbours.upstream, ...neighbours.downstream]) {
        expect(inView(view, positions.get(key) as Point, canvas.width, canvas.height), `${key} at ${width} px`).toBe(true);
      }
    }
  });

  it('stays readable with a hub: the focus and its nearest upstream and downstream tables in view, the rest by panning', () => {
    const { positions, neighbours } = neighbourhood(100);
    const view = startViewport(positions, 'focus', 1100, 560, neighbours);
    expect(view.zoom).toBeCloseTo(READABLE_ZOOM, 5);
    const focus = positions.get('focus') as Point;
    expect(view.y + (focus.y + NODE_HEIGHT / 2) * view.zoom).toBeCloseTo(280); // centred on the focus
    for (const key of ['focus', 'c1:50', 'c3:50']) expect(inView(view, positions.get(key) as Point, 1100, 560), key).toBe(true);
  });

  it('zooms out only as far as the focus and its nearest neighbours need on a narrow canvas, never below MIN_START_ZOOM', () => {
    const { positions, neighbours } = neighbourhood(100);
    const narrow = startViewport(positions, 'focus', 700, 560, neighbours);
    expect(narrow.zoom).toBeLessThan(READABLE_ZOOM);
    expect(narrow.zoom).toBeGreaterThanOrEqual(MIN_START_ZOOM);
    for (const key of ['focus', 'c1:50', 'c3:50']) expect(inView(narrow, positions.get(key) as Point, 700, 560), key).toBe(true);
    // The three tables fill the width with the margin kept: no further out than needed.
    expect(narrow.x + (positions.get('c1:50') as Point).x * narrow.zoom).toBeCloseTo(FRAME_MARGIN, 0);
    expect(startViewport(positions, 'focus', 200, 560, neighbours).zoom).toBe(MIN_START_ZOOM);
  });

  it('falls back to zoom 1 at the origin with nothing to show or no room', () => {
    expect(startViewport(new Map(), 'x', 1000, 600)).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(startViewport(new Map([['a', { x: 0, y: 0 }]]), 'a', 0, 0)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});

describe('nudgeIntoView', () => {
  const corner = { width: 215, height: 165 };
  it('does not move what is in view, and pans as little as needed otherwise, above the minimap', () => {
    expect(nudgeIntoView({ left: 100, top: 100, right: 300, bottom: 300 }, 1000, 700, corner)).toEqual({ dx: 0, dy: 0 });
    // Below the bottom edge, left of the minimap: up to 16 px above the edge.
    expect(nudgeIntoView({ left: 100, top: 600, right: 300, bottom: 800 }, 1000, 700, corner)).toEqual({ dx: 0, dy: -116 });
    // Over the minimap's corner: above the minimap.
    expect(nudgeIntoView({ left: 780, top: 400, right: 980, bottom: 600 }, 1000, 700, corner)).toEqual({ dx: 0, dy: -81 });
    // Taller than the room: the top stays in view.
    expect(nudgeIntoView({ left: 100, top: -50, right: 300, bottom: 900 }, 1000, 700, corner)).toEqual({ dx: 0, dy: 66 });
  });
});
