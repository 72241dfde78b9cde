import "server-only";

/**
 * What a file really is, from its first bytes. The name and the browser's declared type are never used:
 * both are chosen by the sender. Only the handful of types the check-in accepts are recognised; anything
 * else (PDF, SVG, GIF, HTML, ZIP, AVIF, Matroska…) is "unknown" and refused.
 */
export type SniffedType =
  | { kind: "image"; format: "jpeg" | "png" | "webp" }
  | { kind: "video"; container: "mp4" | "mov" | "webm"; contentType: "video/mp4" | "video/quicktime" | "video/webm" }
  | { kind: "heic" }
  | { kind: "unknown" };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** HEIF brands: what iPhones write (heic, with mif1 as the structural brand) and the HEVC sequence variants. */
const HEIF_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"]);
const HEIF_STRUCTURAL_BRANDS = new Set(["mif1", "msf1"]);
/** MP4 major brands phones and common editors write; audio-only (M4A) and 3GPP are not among them. */
const MP4_BRANDS = new Set([
  "isom",
  "iso2",
  "iso3",
  "iso4",
  "iso5",
  "iso6",
  "mp41",
  "mp42",
  "avc1",
  "mmp4",
  "M4V ",
  "M4VH",
  "M4VP",
  "dash",
]);

export function sniffType(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: "image", format: "jpeg" };
  if (startsWith(bytes, PNG_SIGNATURE)) return { kind: "image", format: "png" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return { kind: "image", format: "webp" };
  if (ascii(bytes, 4, 4) === "ftyp") return sniffIsoBmff(bytes);
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]) && ebmlDocType(bytes) === "webm") {
    return { kind: "video", container: "webm", contentType: "video/webm" };
  }
  return { kind: "unknown" };
}

/** ISO base media files (MP4, MOV, HEIF, AVIF, 3GP) all open with an `ftyp` box naming their brands. */
function sniffIsoBmff(bytes: Uint8Array): SniffedType {
  const size = readUint32(bytes, 0);
  if (size < 16 || size > bytes.length || size % 4 !== 0) return { kind: "unknown" };
  const major = ascii(bytes, 8, 4);
  const compatible: string[] = [];
  for (let offset = 16; offset + 4 <= size; offset += 4) compatible.push(ascii(bytes, offset, 4));
  const brands = [major, ...compatible];
  // AVIF shares HEIF's structural brand (mif1) but is a different codec, refused as unknown.
  if (brands.some((brand) => brand === "avif" || brand === "avis")) return { kind: "unknown" };
  if (brands.some((brand) => HEIF_BRANDS.has(brand)) || HEIF_STRUCTURAL_BRANDS.has(major)) return { kind: "heic" };
  if (major === "qt  ") return { kind: "video", container: "mov", contentType: "video/quicktime" };
  if (MP4_BRANDS.has(major)) return { kind: "video", container: "mp4", contentType: "video/mp4" };
  return { kind: "unknown" };
}

/** The DocType of an EBML header ("webm" or "matroska"); Safari plays only the former. */
function ebmlDocType(bytes: Uint8Array): string | null {
  const header = readVint(bytes, 4);
  if (!header) return null;
  const end = Math.min(bytes.length, 4 + header.length + header.value);
  let offset = 4 + header.length;
  while (offset < end) {
    const id = readVint(bytes, offset, { keepMarker: true });
    if (!id) return null;
    const size = readVint(bytes, offset + id.length);
    if (!size) return null;
    const data = offset + id.length + size.length;
    if (id.value === 0x4282) return ascii(bytes, data, Math.min(size.value, 16));
    offset = data + size.value;
  }
  return null;
}

/**
 * An EBML variable-length integer: the count of leading zero bits of the first byte gives its length.
 * IDs keep the length marker bit; sizes drop it.
 */
export function readVint(
  bytes: Uint8Array,
  offset: number,
  options: { keepMarker?: boolean } = {},
): { value: number; length: number } | null {
  const first = bytes[offset];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (offset + length > bytes.length) return null;
  let value = options.keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + (bytes[offset + i] ?? 0);
  return { value, length };
}

export function readUint32(bytes: Uint8Array, offset: number): number {
  if (offset + 4 > bytes.length) return 0;
  return (bytes[offset] ?? 0) * 0x1000000 + ((bytes[offset + 1] ?? 0) << 16) + ((bytes[offset + 2] ?? 0) << 8) + (bytes[offset + 3] ?? 0);
}

export function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (offset + length > bytes.length) return "";
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}
