// The SQL dialect of a pasted statement, remembered in this browser (the last one chosen): one
// field for every place that reads SQL (a table's details, a link's draft panel, the source editor).
import { useStoredChoice } from '@/lib/preference';
import { DIALECTS, type Dialect } from '@/lib/sql/grammars';

const DIALECT_VALUES = DIALECTS.map((d) => d.value);

export function useSqlDialect(): [Dialect, (next: Dialect) => void] {
  return useStoredChoice<Dialect>('sql-dialect', DIALECT_VALUES, 'postgres');
}

export function DialectField({ value, onChange }: { value: Dialect; onChange: (next: Dialect) => void }) {
  return (
    <label className="ls-field">
      <span>Dialect</span>
      <select className="ls-input ls-dialect" value={value} onChange={(e) => onChange(e.target.value as Dialect)}>
        {DIALECTS.map((d) => (
          <option key={d.value} value={d.value}>
            {d.label}
          </option>
        ))}
      </select>
    </label>
  );
}
