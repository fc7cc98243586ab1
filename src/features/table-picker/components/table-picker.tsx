import { useCatalogCascade } from '@/api/use-catalog-cascade';
import { TablePathPicker } from '@/components/table-path-picker';
import { useViewParams } from '@/lib/view-params';

/**
 * Connection → schema → table; the choice lives in the URL. Once a table is chosen the picker is
 * `compact`: one line, connection › schema › table, each still a combobox that opens its list
 * (the same elements, so the focus stays where it was when a choice makes it compact).
 */
export function TablePicker({ compact = false }: { compact?: boolean }) {
  const { params, update } = useViewParams();
  const { connection, schema, table } = params;
  const cascade = useCatalogCascade({ connection, schema, table });
  return (
    <div className={compact ? 'ls-picker ls-picker--compact' : 'ls-picker'} role="group" aria-label="Table picker">
      <TablePathPicker cascade={cascade} value={{ connection, schema, table }} compact={compact} onChange={(next) => update({ ...next, node: undefined })} />
    </div>
  );
}
