import { ColumnEdge } from './column-edge';
import { FlowEdge } from './flow-edge';
import { TableNode } from './table-node';

// Module constants: objects created during render would remount every node and edge.
export const nodeTypes = { table: TableNode };
export const edgeTypes = { flow: FlowEdge, column: ColumnEdge };
