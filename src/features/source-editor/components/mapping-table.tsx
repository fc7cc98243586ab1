// The column mappings of one link: a row per column of the target, its source columns, and the
// mapping's properties; filtered by the column's name.
import { Controller, useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { ColumnSummary } from '@/api/normalize';
import type { SourceFormValues } from '../schema';
import { ColumnSelect } from './column-select';
import { PropertyRows } from './property-rows';

interface Props {
  target: string;
  targetColumns: readonly ColumnSummary[];
  /** The source table's columns, when DQOps knows the source. */
  sourceColumns: ColumnSummary[] | undefined;
  filter: string;
  canEdit: boolean;
}

export function MappingTable({ target, targetColumns, sourceColumns, filter, canEdit }: Props) {
  const { control } = useFormContext<SourceFormValues>();
  const { fields } = useFieldArray({ control, name: 'mappings' });
  const mappings = useWatch({ control, name: 'mappings' });
  const query = filter.toLowerCase();
  const rows = fields.map((field, index) => ({ field, index })).filter(({ index }) => !query || (mappings[index]?.target_column ?? '').toLowerCase().includes(query));
  return (
    <div className="ls-maptable" role="table" aria-label="Column mappings">
      <div role="row" className="ls-maptable__row ls-maptable__row--head">
        <span role="columnheader">Column of {target}</span>
        <span role="columnheader">Source columns</span>
      </div>
      {rows.map(({ field, index }) => {
        const row = mappings[index];
        const column = targetColumns.find((c) => c.name === field.target_column);
        return (
          <div role="row" key={field.id} className="ls-maptable__row">
            <span role="cell" className="ls-maptable__target">
              <strong>{field.target_column}</strong>
              <span className="ls-hint">{row?.unknown_column ? 'not in DQOps metadata' : column?.type}</span>
            </span>
            <span role="cell">
              <Controller
                control={control}
                name={`mappings.${index}.source_columns`}
                render={({ field: f }) => (
                  <ColumnSelect label={`Source columns for ${field.target_column}`} value={f.value} onChange={f.onChange} columns={sourceColumns} disabled={!canEdit} />
                )}
              />
              <details className="ls-maptable__props">
                <summary>Properties{row && row.properties.length > 0 ? ` (${row.properties.length})` : ''}</summary>
                <PropertyRows name={`mappings.${index}.properties`} label={`Property of ${field.target_column}`} />
              </details>
            </span>
          </div>
        );
      })}
      {rows.length === 0 ? <p className="ls-hint">No column matches “{filter}”.</p> : null}
    </div>
  );
}
