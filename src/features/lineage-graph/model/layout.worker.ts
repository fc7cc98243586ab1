// Runs layouts off the main thread. The layout code is pure, so it is the same module as on the
// main thread; only the messages are added here.
import type { LayoutAlgorithm, LayoutInput, Point } from './layout';
import { layoutGraph } from './layout-graph';

export interface LayoutRequest {
  id: number;
  input: LayoutInput;
  algorithm?: LayoutAlgorithm;
}

export interface LayoutResponse {
  id: number;
  positions: [string, Point][];
  algorithm: LayoutAlgorithm;
  width: number;
  height: number;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const result = layoutGraph(event.data.input, event.data.algorithm);
  const response: LayoutResponse = {
    id: event.data.id,
    positions: [...result.positions],
    algorithm: result.algorithm,
    width: result.width,
    height: result.height,
  };
  self.postMessage(response);
};
