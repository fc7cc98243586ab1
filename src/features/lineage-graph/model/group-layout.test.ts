import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { ref, status } from './fixtures';
import { GROUP_HEIGHT, GROUP_WIDTH, groupLayout, packLayers } from './group-layout';
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
