// `npm run mock-server`: the mock DQOps server over real HTTP on localhost:8888 (DQOps's port),
// for curl, the DQOps Python client and the app's live mode. Same handlers as the demo and tests.
//   --port 8888 --host 127.0.0.1 --generation 1.13|2024-09 --role editor|viewer
//   --latency 0 --api-key KEY --require-auth --warmup off|realistic|never --scenario none|hostile
//   --generator N (a hub pipeline of N tables) --warehouse N (a hub-less warehouse: 6 connections, 63 schemas)
//   --fail-writes-to TABLE (writes naming it answer 500, nothing stored)
//   --lose-write-responses-to TABLE|'*' --lost-as network|timeout|502 --unreachable-after-loss N
//     (writes naming it are stored, then their answer is lost; the next N requests fail too)
// POST /__mock/reset restores the seed catalog (for tests).
import { parseArgs } from 'node:util';
import { DEFAULT_MOCK_OPTIONS, LOST_AS, type MockOptions } from '../src/mocks/context.ts';
import { startMockServer } from '../src/mocks/http-server.ts';

function parseMockArgs(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8888' },
      host: { type: 'string', default: '127.0.0.1' },
      generation: { type: 'string', default: DEFAULT_MOCK_OPTIONS.generation },
      role: { type: 'string', default: DEFAULT_MOCK_OPTIONS.role },
      latency: { type: 'string', default: '0' },
      'api-key': { type: 'string', default: DEFAULT_MOCK_OPTIONS.apiKey },
      'require-auth': { type: 'boolean', default: false },
      warmup: { type: 'string', default: 'realistic' },
      scenario: { type: 'string', default: 'none' },
      generator: { type: 'string', default: '0' },
      warehouse: { type: 'string', default: '0' },
      'fail-writes-to': { type: 'string', default: '' },
      'lose-write-responses-to': { type: 'string', default: '' },
      'lost-as': { type: 'string', default: 'network' },
      'unreachable-after-loss': { type: 'string', default: '0' },
    },
  });
  const options: Partial<MockOptions> = {
    generation: values.generation === '2024-09' ? '2024-09' : '1.13',
    role: values.role === 'viewer' ? 'viewer' : 'editor',
    latencyMs: Math.max(0, Number(values.latency) || 0),
    apiKey: values['api-key'],
    requireAuth: values['require-auth'],
    cacheWarmup: values.warmup === 'off' || values.warmup === 'never' ? values.warmup : 'realistic',
    scenario: values.scenario === 'hostile' ? 'hostile' : 'none',
    generator: Math.min(50_000, Math.max(0, Math.floor(Number(values.generator) || 0))),
    warehouse: Math.min(50_000, Math.max(0, Math.floor(Number(values.warehouse) || 0))),
    failWritesTo: values['fail-writes-to'],
    loseWriteResponsesTo: values['lose-write-responses-to'],
    lostAs: LOST_AS.find((as) => as === values['lost-as']) ?? 'network',
    unreachableAfterLoss: Math.min(100, Math.max(0, Math.floor(Number(values['unreachable-after-loss']) || 0))),
  };
  return { port: Number(values.port), host: values.host, options };
}

const { port, host, options } = parseMockArgs(process.argv.slice(2));
void startMockServer(port, host, options).then(() => {
  console.warn(`Mock DQOps server (${options.generation}, ${options.role}) listening on http://${host}:${port}`);
});
