// The nine failures a write can meet, each with what the user must read about it. Shared by the
// editor's tests (create in source-editor.test.tsx; update, delete, change source in write-faults.test.tsx).
import { delay, HttpResponse, type HttpResponseResolver } from 'msw';
import { LOST_AS, type LostAs } from '@/mocks/context';

export const WRITE_FAULTS: [name: string, reply: HttpResponseResolver, message: RegExp][] = [
  ['network failure', () => HttpResponse.error(), /cannot be reached/],
  // The answer comes after the client gave up (testApi({ timeoutMs: 300 })).
  ['timeout', async () => (await delay(1_000), new HttpResponse(null, { status: 204 })), /did not answer in time/],
  ['401', () => new HttpResponse(null, { status: 401 }), /API key/],
  ['403', () => new HttpResponse('Access Denied', { status: 403 }), /permission/],
  ['404', () => new HttpResponse(null, { status: 404 }), /does not exist/],
  ['406', () => new HttpResponse(null, { status: 406 }), /do not match/],
  ['409', () => new HttpResponse(null, { status: 409 }), /already defined/],
  ['500', () => HttpResponse.json({ status: 500, error: 'Internal Server Error', message: 'disk full' }, { status: 500 }), /disk full/],
  ['503', () => new HttpResponse(null, { status: 503 }), /HTTP 503/],
];

/** The ways the mock loses the answer to a write it carried out (MockOptions.lostAs). */
export const LOST_ANSWERS: readonly LostAs[] = LOST_AS;
