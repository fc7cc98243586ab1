import { describe, expect, it } from 'vitest';
import type { TableLineageSourceSpec } from '@/api/types';
import { tableKey } from '@/lib/table-ref';
import { buildGraph, edgeKey } from './build-graph';
import { columnEdges, placeColumn, type OpenColumns } from './column-edges';
import { foldDraft } from './draft';
import { ref, treeOf } from './fixtures';
import { COLUMN_ROWS } from './layout';

const k = (table: string) => tableKey(ref(table));
const model = buildGraph(treeOf('b', ['a>b', 'b>c']));
const edges = [...model.edges.values()];
function linkOf(source: string, target: string) {
  const found = model.edges.get(edgeKey(k(source), k(target)));
  if (!found) throw new Error(`no edge ${source} → ${target}`);
  return found;
}

function openList(names: string[], first = 0, filter = ''): OpenColumns {
  const matches = names.flatMap((name, i) => (name.includes(filter) ? [i] : []));
  return { index: new Map(names.map((name, i) => [name, i])), matches, first };
}

const many = Array.from({ length: 20 }, (_, i) => `col${i}`);

describe('placeColumn', () => {
  it('finds the row on screen, or the line above or below it', () => {
    const open = openList(many, 5);
    expect(placeColumn(open, 'col5')).toEqual({ row: 5 });
    expect(placeColumn(open, `col${5 + COLUMN_ROWS - 1}`)).toEqual({ row: 5 + COLUMN_ROWS - 1 });
    expect(placeColumn(open, 'col4')).toBe('above');
    expect(placeColumn(open, `col${5 + COLUMN_ROWS}`)).toBe('below');
    expect(placeColumn(open, 'not_a_column')).toBe('below');
    expect(placeColumn(openList(many, 0, 'col1'), 'col2')).toBe('below'); // filtered out
  });
});

describe('columnEdges', () => {
  const specs = new Map<string, TableLineageSourceSpec | undefined>([
    [edgeKey(k('a'), k('b')), { columns: { id: { source_columns: ['id'] }, name: { source_columns: ['first', 'last'] } } }],
    [edgeKey(k('b'), k('c')), { columns: { total: { source_columns: ['col15'] } } }],
  ]);

  it('draws nothing while no column list is open', () => {
    expect(columnEdges(edges, new Map(), specs, new Map())).toEqual([]);
  });

  it('joins rows of open tables and the table handle of closed ones; shared ends share one edge', () => {
    const open = new Map([[k('b'), openList(['id', 'name', 'extra'])]]);
    const drawn = columnEdges(edges, open, specs, new Map());
    expect(drawn.map((e) => [e.source, e.sourceHandle, e.target, e.targetHandle, e.mappings.map((m) => `${m.column}←${m.sourceColumn}`)])).toEqual([
      [k('a'), undefined, k('b'), 'in:0', ['id←id']],
      [k('a'), undefined, k('b'), 'in:1', ['name←first', 'name←last']],
      [k('b'), 'out:below', k('c'), undefined, ['total←col15']], // col15 is not a column of b: counted below
    ]);
  });

  it('sends columns scrolled away to the "more" lines', () => {
    const open = new Map([[k('b'), openList(many, 10)]]);
    const [edge] = columnEdges([linkOf('b', 'c')], open, specs, new Map());
    expect(edge?.sourceHandle).toBe('out:15');
    const [scrolled] = columnEdges([linkOf('b', 'c')], new Map([[k('b'), openList(many, 0)]]), specs, new Map());
    expect(scrolled?.sourceHandle).toBe('out:below');
  });

  it('shows the draft: added mappings (also on links only the draft has) and removed ones, marked', () => {
    const changes = new Map(
      foldDraft([
        { kind: 'add-mapping', source: ref('a'), target: ref('b'), column: 'extra', sourceColumn: 'x' },
        { kind: 'remove-mapping', source: ref('a'), target: ref('b'), column: 'id', sourceColumn: 'id' },
      ]).map((c) => [c.key, c]),
    );
    const open = new Map([[k('b'), openList(['id', 'name', 'extra'])]]);
    const drawn = columnEdges([linkOf('a', 'b')], open, specs, changes);
    expect(drawn.flatMap((e) => e.mappings.map((m) => `${m.column}←${m.sourceColumn}:${m.diff ?? 'saved'}`)).sort()).toEqual([
      'extra←x:added',
      'id←id:removed',
      'name←first:saved',
      'name←last:saved',
    ]);
  });
});
