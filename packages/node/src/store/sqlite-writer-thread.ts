// The writer thread of `sqliteStore` (see `writerThread` in sqlite-store.ts): stores the webhook updates
// it is sent (as JSON text, those of one turn of the calling thread in one message) on a connection of its
// own, with the store's group commit, and answers each once its commit is on the disk, with the texts it
// stored. Answers go back together, one message per commit, so the calling thread wakes once for them all.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { ShipmentUpdate } from './types.js';
import {
  createThreadWriter,
  openWriterConnection,
  type WriterError,
  type WriterReply,
  type WriterRequest,
} from './sqlite-store.js';

if (!parentPort) throw new Error('sqlite-writer-thread runs only as the worker thread sqliteStore starts.');
const port: MessagePort = parentPort;
const { path, busyTimeoutMs } = workerData as { path: string; busyTimeoutMs: number };

const db = await openWriterConnection(path, busyTimeoutMs);
const writer = createThreadWriter(db, busyTimeoutMs);

type Answer = Exclude<WriterReply, 'closed'>[number];
let replies: Answer[] = [];
function reply(answer: Answer): void {
  // The answers of one commit settle in the same turn: the first schedules one message for all of them.
  if (replies.push(answer) === 1) {
    queueMicrotask(() => {
      const sending = replies;
      replies = [];
      port.postMessage(sending);
    });
  }
}

port.on('message', (request: WriterRequest) => {
  if (request === 'close') {
    writer.drain();
    // After the last answers (sent from microtasks of this turn): the calling thread then ends this one.
    setImmediate(() => {
      db.close();
      port.postMessage('closed' satisfies WriterReply);
    });
    return;
  }
  const { first, updates } = request;
  for (let i = 0; i < updates.length; i++) store(first + i, updates[i]!);
});

function store(id: number, text: string): void {
  let update: ShipmentUpdate;
  try {
    update = JSON.parse(text) as ShipmentUpdate;
  } catch (error) {
    reply({ id, error: describe(error) });
    return;
  }
  writer.apply(update).then(
    (result) => reply({ id, result }),
    (error: unknown) => reply({ id, error: describe(error) }),
  );
}

/** An error as plain data (the message port would drop its cause). */
function describe(error: unknown): WriterError {
  const message = error instanceof Error ? error.message : String(error);
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause === undefined) return { message };
  const code = (cause as { code?: unknown } | null)?.code;
  return {
    message,
    cause: {
      message: cause instanceof Error ? cause.message : String(cause),
      ...(typeof code === 'string' ? { code } : {}),
    },
  };
}
