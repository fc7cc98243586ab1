import type { LineageTree } from '@/api/normalize';

/** A safe file name for a download about the tree's focus table: lineage-<connection>-<schema>-<table>.<extension>. */
export function exportFileName(tree: Pick<LineageTree, 'relativeTable'>, extension: string): string {
  const base = `lineage-${tree.relativeTable.connection}-${tree.relativeTable.schema}-${tree.relativeTable.table}`;
  // eslint-disable-next-line no-control-regex -- file names must not contain control characters
  return `${base.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '_').slice(0, 120)}.${extension}`;
}
