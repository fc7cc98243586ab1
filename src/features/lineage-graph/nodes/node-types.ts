import { TableNode } from './table-node';

// Module constant: a nodeTypes object created during render would remount every node.
export const nodeTypes = { table: TableNode };
