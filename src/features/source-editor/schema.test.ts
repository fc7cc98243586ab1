import type { TableLineageSourceSpec } from '@/api/types';
import { describe, expect, it } from 'vitest';
import { autoMap, contextSchema, describeLoss, diffSpecs, fromSpec, mappedCount, normalizeColumnName, toSpec } from './schema';

const TARGET = { connection: 'w', schema: 'm', table: 'dim' };
const stored = {
  source_connection: 'w',
  source_schema: 's',
  source_table: 'stg',
  data_lineage_source_tool: 'dbt',
  properties: { owner: 'crm' },
  columns: {
    id: { source_columns: ['id'], properties: { note: 'pk' } },
    legacy_col: { source_columns: ['old'] }, // a column DQOps no longer lists for the target
  },
};

describe('fromSpec / toSpec', () => {
  it('shows one row per target column plus stored mappings of unknown columns', () => {
    const values = fromSpec(stored, ['id', 'name']);
    expect(values.mappings.map((m) => [m.target_column, m.unknown_column, m.source_columns])).toEqual([
      ['id', false, ['id']],
      ['name', false, []],
      ['legacy_col', true, ['old']],
    ]);
    expect(values.properties).toEqual([{ key: 'owner', value: 'crm' }]);
  });

  it('round-trips every field, including what the form does not change', () => {
    expect(toSpec(fromSpec(stored, ['id', 'name']), stored)).toEqual(stored);
  });

  it('keeps a column and a property named "__proto__" (a plain assignment would drop them)', () => {
    const spec = JSON.parse(
      '{"source_connection":"w","source_schema":"s","source_table":"t","properties":{"__proto__":"p"},"columns":{"__proto__":{"source_columns":["x"]}}}',
    ) as TableLineageSourceSpec;
    const back = toSpec(fromSpec(spec, ['__proto__']), spec);
    expect(Object.keys(back.columns ?? {})).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(back.columns, '__proto__')?.value).toEqual({ source_columns: ['x'] });
    expect(Object.getOwnPropertyDescriptor(back.properties, '__proto__')?.value).toBe('p');
    expect(JSON.stringify(back)).toBe(JSON.stringify(spec));
  });

  it('drops empty mappings and property rows, trims names and removes duplicate source columns', () => {
    const values = fromSpec(undefined, ['a', 'b']);
    values.source_connection = ' w ';
    values.source_schema = 's';
    values.source_table = 't';
    values.properties = [{ key: ' ', value: 'x' }];
    values.mappings[0] = { ...values.mappings[0], target_column: 'a', unknown_column: false, source_columns: ['x', 'x', ' '], properties: [] };
    expect(toSpec(values)).toEqual({ source_connection: 'w', source_schema: 's', source_table: 't', columns: { a: { source_columns: ['x'] } } });
  });

  it('prefills a new source from the canvas', () => {
    expect(fromSpec(undefined, [], { connection: 'c', schema: 's', table: 't' })).toMatchObject({
      source_connection: 'c',
      source_schema: 's',
      source_table: 't',
    });
  });
});

describe('validation', () => {
  const schema = contextSchema(TARGET, [{ connection: 'w', schema: 's', table: 'stg' }], undefined);
  const base = fromSpec(undefined, ['id']);
  const messages = (values: unknown) => {
    const result = schema.safeParse(values);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('requires the three names', () => {
    expect(messages(base)).toEqual([
      'source_connection: Pick or type a connection',
      'source_schema: Pick or type a schema',
      'source_table: Pick or type a table',
    ]);
  });
  it('refuses the table as its own source', () => {
    expect(messages({ ...base, source_connection: 'w', source_schema: 'm', source_table: 'dim' })).toEqual(['source_table: A table cannot be its own source']);
  });
  it('refuses a source that is already defined, unless it is the one being edited', () => {
    const values = { ...base, source_connection: 'w', source_schema: 's', source_table: 'stg' };
    expect(messages(values)).toEqual(['source_table: stg is already a source of dim: edit that entry instead']);
    expect(
      contextSchema(TARGET, [{ connection: 'w', schema: 's', table: 'stg' }], { connection: 'w', schema: 's', table: 'stg' }).safeParse(values).success,
    ).toBe(true);
  });
  it('refuses names that cannot travel in a URL, empty and duplicate property names', () => {
    const values = {
      ...base,
      source_connection: '..',
      source_schema: 's',
      source_table: 't',
      properties: [
        { key: 'a', value: '1' },
        { key: 'a', value: '2' },
        { key: '', value: '3' },
      ],
    };
    expect(messages(values)).toEqual([
      'source_connection: "." and ".." cannot be used as a connection name',
      'properties.1.key: "a" is already used',
      'properties.2.key: Name the property or remove the row',
    ]);
  });
});

describe('autoMap', () => {
  it('matches names ignoring case and underscores, only for unmapped columns', () => {
    const rows = fromSpec({ columns: { id: { source_columns: ['x'] } } }, ['id', 'CustomerID', 'e_mail', 'other']).mappings;
    expect(autoMap(rows, ['ID', 'customer_id', 'EMAIL', 'unrelated'])).toEqual([
      { target_column: 'CustomerID', source_column: 'customer_id' },
      { target_column: 'e_mail', source_column: 'EMAIL' },
    ]);
    expect(normalizeColumnName('Customer_ID')).toBe('customerid');
  });
  it('counts coverage over the target table’s known columns', () => {
    expect(mappedCount(fromSpec(stored, ['id', 'name']).mappings)).toBe(1);
  });
});

describe('describeLoss / diffSpecs', () => {
  it('names what a delete loses', () => {
    expect(describeLoss(stored)).toBe('2 column mappings, the source tool "dbt" and 1 property');
    expect(describeLoss({})).toBe('no column mappings');
  });
  it('lists what someone else changed', () => {
    const theirs = { ...stored, data_lineage_source_tool: 'airflow', columns: { ...stored.columns, id: { source_columns: ['id', 'uuid'] } } };
    expect(diffSpecs(stored, theirs)).toEqual(['Source tool: "dbt" → "airflow"', 'Column id: [id] → [id, uuid]']);
  });
});
