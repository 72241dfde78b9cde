import "server-only";
import { ascii, readUint32, readVint } from "@/lib/uploads/sniff";

/**
 * Videos are stored as sent (no transcoding on the server), so the container is at least checked for
 * shape: a file cut short by a dropped connection, or something merely wearing an `ftyp` header, would
 * otherwise be stored and then fail in the advisor's player.
 */
export function isWellFormedVideo(bytes: Uint8Array, container: "mp4" | "mov" | "webm"): boolean {
  return container === "webm" ? isWellFormedWebm(bytes) : isWellFormedIsoBmff(bytes);
}

/**
 * ISO base media (MP4/MOV): the top-level boxes must chain exactly to the end of the file, and a `moov`
 * box (the index a player needs) must be among them. Only box headers are read: O(number of boxes).
 */
function isWellFormedIsoBmff(bytes: Uint8Array): boolean {
  let offset = 0;
  let hasMovie = false;
  while (offset < bytes.length) {
    if (bytes.length - offset < 8) return false;
    const type = ascii(bytes, offset + 4, 4);
    if (!/^[\x20-\x7e]{4}$/.test(type)) return false;
    let size = readUint32(bytes, offset);
    let header = 8;
    if (size === 1) {
      if (bytes.length - offset < 16) return false;
      size = readUint32(bytes, offset + 8) * 0x1_0000_0000 + readUint32(bytes, offset + 12);
      header = 16;
    } else if (size === 0) {
      size = bytes.length - offset;
    }
    if (size < header || size > bytes.length - offset) return false;
    if (type === "moov") hasMovie = true;
    offset += size;
  }
  return hasMovie;
}

/** WebM: the EBML header (already sniffed as DocType webm) is followed by a Segment element. */
function isWellFormedWebm(bytes: Uint8Array): boolean {
  const headerSize = readVint(bytes, 4);
  if (!headerSize) return false;
  const segment = 4 + headerSize.length + headerSize.value;
  const id = readVint(bytes, segment, { keepMarker: true });
  if (id?.value !== 0x18538067) return false;
  // MediaRecorder writes the Segment with an "unknown" size, so only that it has a size and content is checked.
  const size = readVint(bytes, segment + id.length);
  return size !== null && bytes.length > segment + id.length + size.length;
}
