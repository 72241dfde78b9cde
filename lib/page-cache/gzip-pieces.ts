import "server-only";
import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * A stored page's gzip encoding, made once, with gaps where each response's nonce goes. Compressing a
 * page per response costs more than serving it (brotli of the 233 KB report page: ~12 ms of CPU), so
 * each piece between two nonces is deflated once, on its own, and ends byte-aligned after a full flush
 * (nothing after it refers back into it). A response splices its own nonce in as an uncompressed
 * ("stored") deflate block and wraps the whole in gzip's header and trailer (RFC 1951, 1952): no
 * compression work per response, only the CRC of the body.
 */
export function deflatePieces(segments: readonly Buffer[]): Buffer[] {
  return segments.map((segment, i) =>
    deflateRawSync(segment, { level: 6, finishFlush: i === segments.length - 1 ? constants.Z_FINISH : constants.Z_FULL_FLUSH }),
  );
}

/** Magic, deflate, no flags, no time, no extra flags, unknown OS. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);

/** A non-final stored block: at a byte boundary, a zero header byte, LEN and its complement, the bytes. */
function storedBlock(data: Buffer): Buffer {
  if (data.length > 0xffff) throw new RangeError("a stored block holds at most 65535 bytes");
  const head = Buffer.alloc(5);
  head.writeUInt16LE(data.length, 1);
  head.writeUInt16LE(~data.length & 0xffff, 3);
  return Buffer.concat([head, data]);
}

/** The gzip member of `body`, which is the pieces' segments joined with `nonce`. */
export function gzipWithNonce(pieces: readonly Buffer[], nonce: Buffer, body: Buffer): Buffer {
  const nonceBlock = storedBlock(nonce);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(body), 0);
  trailer.writeUInt32LE(body.length % 2 ** 32, 4);
  return Buffer.concat([GZIP_HEADER, ...pieces.flatMap((piece, i) => (i === 0 ? [piece] : [nonceBlock, piece])), trailer]);
}
