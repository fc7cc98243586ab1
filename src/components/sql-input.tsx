// Shared by every place that reads SQL (a table's details, a link's draft panel, the source
// editor): the dialect field, remembered in this browser (the last one chosen), and dropping a
// .sql file onto the statement's field.
import type { DragEvent } from 'react';
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

/** Bigger dropped files are not read into the text box (the reader refuses over 1 million characters anyway). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** onDrop / onDragOver for the statement's field: a dropped file's text replaces the statement. */
export function sqlDropHandlers(onText: (text: string) => void, onError: (message: string) => void) {
  return {
    onDragOver: (event: DragEvent) => event.preventDefault(),
    onDrop: (event: DragEvent) => {
      const file = event.dataTransfer.files[0];
      if (!file) return;
      event.preventDefault();
      if (file.size > MAX_FILE_BYTES) return onError(`${file.name} is ${(file.size / 2 ** 20).toFixed(1)} MB: drop the file of one statement.`);
      void file.text().then(onText, () => onError(`${file.name} could not be read.`));
    },
  };
}
