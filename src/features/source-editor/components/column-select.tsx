import { useMemo } from 'react';
import { Combobox, type ComboboxOption } from '@/components/combobox';
import type { ColumnSummary } from '@/api/normalize';

/** Several source columns for one target column: chips plus a searchable picker. */
export function ColumnSelect({
  label,
  value,
  onChange,
  columns,
  disabled,
}: {
  label: string;
  value: string[];
  onChange: (next: string[]) => void;
  /** Columns of the source table; undefined when DQOps does not know them (type names freely). */
  columns: ColumnSummary[] | undefined;
  disabled?: boolean;
}) {
  const options = useMemo<ComboboxOption[]>(
    () => (columns ?? []).filter((c) => !value.includes(c.name)).map((c) => ({ value: c.name, label: c.name, detail: c.type })),
    [columns, value],
  );
  return (
    <div className="ls-colselect">
      {value.map((column) => (
        <span key={column} className="ls-chip">
          {column}
          {columns && !columns.some((c) => c.name === column) ? (
            <span className="ls-chip__warn" title="The source table has no such column in DQOps">
              ?
            </span>
          ) : null}
          {!disabled ? (
            <button
              type="button"
              className="ls-chip__remove"
              aria-label={`Remove ${column} from ${label}`}
              onClick={() => onChange(value.filter((c) => c !== column))}
            >
              ✕
            </button>
          ) : null}
        </span>
      ))}
      {!disabled ? (
        <div className="ls-colselect__add">
          <Combobox
            label={label}
            hideLabel
            options={options}
            value={undefined}
            allowCustom
            placeholder={value.length === 0 ? 'Add source column' : 'Add another'}
            emptyText={columns ? 'No more columns' : 'Type a column name'}
            onChange={(column) => onChange([...value, column])}
          />
        </div>
      ) : null}
    </div>
  );
}
