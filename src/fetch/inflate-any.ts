import { Transform, type TransformCallback } from "node:stream";
import { createInflate, createInflateRaw, type Inflate, type InflateRaw } from "node:zlib";

// RFC 1950: a zlib stream starts with CMF/FLG where CM is 8 and (CMF*256 + FLG) is a multiple of 31.
function isZlibHeader(bytes: Buffer): boolean {
  return bytes.length >= 2 && (bytes[0] & 0x0f) === 8 && ((bytes[0] << 8) | bytes[1]) % 31 === 0;
}

/**
 * Returns a decoder for `Content-Encoding: deflate` that accepts both what the standard says
 * (zlib-wrapped) and what many servers send (raw deflate), choosing by the first two bytes.
 */
export function createInflateAny(): Transform {
  let inner: Inflate | InflateRaw | null = null;
  let head = Buffer.alloc(0);
  const start = (): Inflate | InflateRaw => {
    const created = isZlibHeader(head) ? createInflate() : createInflateRaw();
    created.on("data", (data: Buffer) => outer.push(data));
    created.on("error", (error) => outer.destroy(error));
    created.write(head);
    return created;
  };
  const outer = new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (inner) return void (inner.write(chunk) ? done() : inner.once("drain", done));
      head = Buffer.concat([head, chunk]);
      if (head.length >= 2) inner = start();
      done();
    },
    flush(done: TransformCallback) {
      inner ??= start();
      inner.once("end", () => done());
      inner.end();
    },
    destroy(error, done) {
      inner?.destroy();
      done(error);
    },
  });
  return outer;
}
