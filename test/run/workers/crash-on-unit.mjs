// A stand-in unit worker for test/run/unit-pool-crash.test.ts: answers every unit at once, except that a unit whose
// id starts with CRASH kills the worker thread while the unit is in flight.
import { parentPort } from 'node:worker_threads';
import process from 'node:process';

parentPort.on('message', (m) => {
  if (m.type === 'close') return parentPort.postMessage({ type: 'closed', pages: 0 });
  if (m.unit.id.startsWith('CRASH')) process.exit(7);
  parentPort.postMessage({ type: 'result', seq: m.seq, result: { id: m.unit.id, threadId: process.pid } });
});
parentPort.postMessage({ type: 'ready' });
