// Child process of the benchmark: dagre (longest-path ranker) on the synthetic graph of the given size.
import { normalizeTree } from '../src/api/normalize.ts';
import { buildGraph } from '../src/features/lineage-graph/model/build-graph.ts';
import { dagreLayout } from '../src/features/lineage-graph/model/layout.ts';
import { buildLineageTree } from '../src/mocks/lineage-tree.ts';
import { generateCatalog, GENERATED_CONNECTION, GENERATED_SCHEMA, HUB_TABLE } from '../src/mocks/seed/generator.ts';
import { createStore } from '../src/mocks/store.ts';

const size = Number(process.argv[2]);
const root = { connection: GENERATED_CONNECTION, schema: GENERATED_SCHEMA, table: HUB_TABLE };
const model = buildGraph(normalizeTree(buildLineageTree(createStore(generateCatalog(size)), root, true, true), root));
const input = { nodes: [...model.nodes.keys()], edges: [...model.edges.values()].map((e) => [e.source, e.target] as const) };
const started = performance.now();
dagreLayout(input, 'longest-path');
console.log(Math.round(performance.now() - started));
