import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH } from './layout';
import { centredOn, fitCamera, tableAt, visibleArea, zoomAt } from './overview-camera';

const positions = new Map([
  ['a', { x: -500, y: -200 }],
  ['b', { x: 1500, y: 800 }],
]);

describe('overview camera', () => {
  it('fits every table, a shifted layout included, inside the box', () => {
    const camera = fitCamera(positions, 800, 600);
    expect(camera).toBeDefined();
    if (!camera) return;
    const area = visibleArea(camera, 800, 600);
    expect(area.left).toBeLessThanOrEqual(-500);
    expect(area.top).toBeLessThanOrEqual(-200);
    expect(area.right).toBeGreaterThanOrEqual(1500 + NODE_WIDTH);
    expect(area.bottom).toBeGreaterThanOrEqual(800 + NODE_HEIGHT);
    expect(fitCamera(new Map(), 800, 600)).toBeUndefined();
  });

  it('zooms about the pointer: the point under it stays put', () => {
    const before = { x: 10, y: 20, k: 0.5 };
    const after = zoomAt(before, 300, 200, -200);
    expect(after.k).toBeGreaterThan(before.k);
    const graphX = (300 - before.x) / before.k;
    expect(graphX * after.k + after.x).toBeCloseTo(300);
  });

  it('centres a found table readably, and finds the table under a click', () => {
    const camera = centredOn({ x: 0, y: 0, k: 0.1 }, { x: 1500, y: 800 }, 800, 600);
    expect(camera.k).toBe(0.8);
    expect(tableAt(camera, 400, 300, positions.keys(), positions)).toBe('b');
    expect(tableAt(camera, 5, 5, positions.keys(), positions)).toBeUndefined();
  });
});
