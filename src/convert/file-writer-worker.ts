/**
 * A thread of the threaded file writer (file-writer.ts): writes each batch of files it is given
 * (only those whose bytes change) and answers with what it did. Its messages and the files are
 * its only I/O.
 */
import { workerData } from 'node:worker_threads';
import { type FileWritten, type WriterReply, type WriterRequest, type WriterSetup, writeIfChanged } from './file-writer.ts';

const { port, replies } = workerData as WriterSetup;

port.on('message', (request: WriterRequest) => {
  let reply: WriterReply;
  try {
    const done: [string, FileWritten][] = request.files.map(([path, content]) => [path, writeIfChanged(path, content)]);
    reply = { done };
  } catch (error) {
    reply = { failed: (error as Error).message };
  }
  port.postMessage(reply);
  // Wake the caller, asleep in `finish` until some thread answers.
  Atomics.add(replies, 0, 1);
  Atomics.notify(replies, 0);
});
