// Whether "Automatic" draws a lineage grouped, and by what. Apart from groups.ts so that the first
// load does not carry the grouped overview (it loads when a lineage is first drawn grouped).
import type { GraphModel } from './build-graph';
import type { GroupBy } from './groups';

/** What one group is, in words ("a box per …", "grouped by …"). */
export const GROUP_UNIT: Record<GroupBy, string> = { schema: 'schema', connection: 'connection', level: 'level from the focus' };

/** Most groups a grouped overview shows by schema before it groups by connection instead. */
const MAX_SCHEMA_GROUPS = 80;

/**
 * "Automatic" grouping: a whole lineage of more tables than read as boxes is grouped by schema, or
 * by connection when there are too many schemas; a lineage in one or two schemas and connections
 * (nothing to group by name) is grouped by level from the focus.
 */
export function autoGroupBy(model: GraphModel, drawn: number, showAll: boolean, threshold: number): GroupBy | undefined {
  if (!showAll || drawn <= threshold) return undefined;
  const schemas = new Set<string>();
  const connections = new Set<string>();
  for (const node of model.nodes.values()) {
    connections.add(node.ref.connection);
    schemas.add(`${node.ref.connection}\u0000${node.ref.schema}`);
  }
  if (schemas.size >= 3 && schemas.size <= MAX_SCHEMA_GROUPS) return 'schema';
  if (connections.size >= 3) return 'connection';
  return 'level';
}
