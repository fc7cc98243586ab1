import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { ref, status } from './fixtures';
import { GROUP_HEIGHT, GROUP_WIDTH, groupLayout, packLayers, placeLayout } from './group-layout';
import { groupLineage } from './groups';

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('packLayers', () => {
  it('packs a tall layer into sub-columns so the picture approaches the canvas shape', () => {
    const layers = [names('a', 2), names('b', 40), names('c', 3)];
    const wide = packLayers(layers, 1.6);
    expect(wide.width / wide.height).toBeGreaterThan(0.8);
    expect(wide.width / wide.height).toBeLessThan(3.2);
    // Unpacked, 40 boxes make a strip about 4,700 px tall and three boxes wide.
    const strip = packLayers(layers, 0.01);
    expect(strip.height).toBeGreaterThan(40 * GROUP_HEIGHT);
    expect(strip.width / strip.height).toBeLessThan(0.3);
  });

  it('never overlaps two boxes, and keeps the layers in order left to right', () => {
    const layers = [names('a', 7), names('b', 25), names('c', 1)];
    const { positions } = packLayers(layers, 16 / 9);
    const all = [...positions.entries()];
    for (let i = 0; i < all.length; i += 1) {
      for (let j = i + 1; j < all.length; j += 1) {
        const [a, p] = all[i] as (typeof all)[number];
        const [b, q] = all[j] as (typeof all)[number];
        const apart = Math.abs(p.x - q.x) >= GROUP_WIDTH || Math.abs(p.y - q.y) >= GROUP_HEIGHT;
        expect(apart, `${a} and ${b}`).toBe(true);
      }
    }
    const right = (prefix: string) => Math.max(...all.filter(([k]) => k.startsWith(prefix)).map(([, p]) => p.x));
    const left = (prefix: string) => Math.min(...all.filter(([k]) => k.startsWith(prefix)).map(([, p]) => p.x));
    expect(right('a')).toBeLessThan(left('b'));
    expect(right('b')).toBeLessThan(left('c'));
  });
});

describe('groupLayout', () => {
  it('puts a group left of the groups it feeds, loops included', () => {
    const t = (name: string) => {
      const [schema = '', table = ''] = name.split('.');
      return ref(table, 'c', schema);
    };
    const flows = ['raw.a>stg.a', 'stg.a>marts.f', 'marts.f>rpt.r', 'rpt.r>stg.b'].map((edge) => {
      const [s = '', d = ''] = edge.split('>');
      return { source: t(s), target: t(d), sourceStatus: status(), targetStatus: status(), upstreamCombinedStatus: status(), rowCount: 1, rowCountEstimated: false };
    });
    const grouping = groupLineage(buildGraph({ relativeTable: t('marts.f'), fullyLoaded: true, unreadableFlows: 0, problems: [], flows }), 'schema');
    const { positions } = groupLayout(grouping, 1.6);
    const x = (schema: string) => positions.get(`schema:c\u0000${schema}`)?.x ?? NaN;
    expect(x('raw')).toBeLessThan(x('stg'));
    expect(positions.size).toBe(4);
  });
});

describe('connections framed around their schemas', () => {
  const t = (name: string) => {
    const [connection = '', schema = '', table = ''] = name.split('.');
    return ref(table, connection, schema);
  };
  const flows = ['lake.raw.a>wh.stg.a', 'lake.raw.b>wh.stg.b', 'wh.stg.a>wh.marts.f', 'wh.stg.b>wh.marts.f', 'wh.marts.f>bi.rpt.r', 'lake.land.c>lake.raw.a'].map((edge) => {
    const [s = '', d = ''] = edge.split('>');
    return { source: t(s), target: t(d), sourceStatus: status(), targetStatus: status(), upstreamCombinedStatus: status(), rowCount: 1, rowCountEstimated: false };
  });
  const grouping = groupLineage(buildGraph({ relativeTable: t('wh.marts.f'), fullyLoaded: true, unreadableFlows: 0, problems: [], flows }), 'schema');
  type Box = { x: number; y: number; width: number; height: number };
  const inside = (inner: Box, outer: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
  const apart = (a: Box, b: Box) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
  const check = (layout: { positions: Map<string, { x: number; y: number }>; frames?: Map<string, Box> }, sizes = new Map<string, { width: number; height: number }>()) => {
    const frames = layout.frames as Map<string, Box>;
    expect([...frames.keys()].sort()).toEqual(['bi', 'lake', 'wh']);
    for (const group of grouping.groups.values()) {
      const p = layout.positions.get(group.key) as { x: number; y: number };
      expect(inside({ ...p, ...(sizes.get(group.key) ?? { width: GROUP_WIDTH, height: GROUP_HEIGHT }) }, frames.get(group.connection) as Box)).toBe(true);
    }
    const list = [...frames.values()];
    for (const [i, a] of list.entries()) for (const b of list.slice(i + 1)) expect(apart(a, b)).toBe(true);
    return frames;
  };

  it('puts each schema in its connection’s frame, the frames in layers along the flow', () => {
    const frames = check(groupLayout(grouping, 1.6));
    const x = (c: string) => (frames.get(c) as Box).x;
    expect(x('lake')).toBeLessThan(x('wh'));
    expect(x('wh')).toBeLessThan(x('bi'));
  });

  it('grows the frame of an open group; frames left of it stay still and none overlap', () => {
    const base = groupLayout(grouping, 1.6);
    const stg = `schema:wh\u0000stg`;
    const sizes = new Map([[stg, { width: 700, height: 600 }]]);
    const placed = placeLayout(base, sizes);
    const frames = check(placed, sizes);
    expect(frames.get('lake')).toEqual(base.frames?.get('lake'));
    expect((frames.get('wh') as Box).height).toBeGreaterThan((base.frames?.get('wh') as Box).height);
    expect((frames.get('bi') as Box).x).toBeGreaterThan((base.frames?.get('bi') as Box).x);
  });

  it('frames nothing grouped by connection, or with one connection', () => {
    expect(groupLayout(groupLineage(buildGraph({ relativeTable: t('wh.marts.f'), fullyLoaded: true, unreadableFlows: 0, problems: [], flows }), 'connection'), 1.6).frames).toBeUndefined();
  });
});

