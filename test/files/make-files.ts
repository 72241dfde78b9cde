// Upload fixtures built in memory, so every test shows exactly what its file contains: real images from
// sharp, and hand-made container headers for the types the server must recognise without decoding.
import { crc32 } from "node:zlib";
import sharp from "sharp";

const GPS = { GPSLatitudeRef: "N", GPSLatitude: "50/1 50/1 1234/100", GPSLongitudeRef: "E", GPSLongitude: "4/1 21/1 5678/100" };

/**
 * A JPEG as a phone writes it: EXIF with camera, GPS position and an orientation. The left half is red,
 * the right half blue, so a test can see which way it was turned.
 */
export async function phoneJpeg(options: { width: number; height: number; orientation?: number; noise?: boolean }): Promise<Buffer> {
  const { width, height } = options;
  const base = options.noise
    ? sharp({ create: { width, height, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 40 } } })
    : sharp({ create: { width, height, channels: 3, background: "#0000ff" } }).composite([
        { input: { create: { width: Math.floor(width / 2), height, channels: 3, background: "#ff0000" } }, left: 0, top: 0 },
      ]);
  const flat = await base.jpeg({ quality: 90 }).toBuffer();
  return sharp(flat)
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: options.orientation ?? 1 })
    .withExifMerge({ IFD0: { Make: "Apple", Model: "iPhone 15" }, IFD3: GPS })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>')
    .toBuffer();
}

export function transparentPng(width = 300, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.4 } } })
    .png()
    .toBuffer();
}

export function gif(): Promise<Buffer> {
  return sharp({ create: { width: 20, height: 20, channels: 3, background: "#888" } })
    .gif()
    .toBuffer();
}

/** A real decompression bomb: 56 MP of one colour, a couple of hundred KB as PNG. */
export function pngBomb(): Promise<Buffer> {
  return sharp({ create: { width: 8000, height: 7000, channels: 3, background: "#fff" } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** A tiny PNG whose header claims 20000×20000 pixels (with a correct CRC, so only the size is a lie). */
export async function lyingPng(): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: "#fff" } })
      .png()
      .toBuffer(),
  );
  // IHDR: length(4) "IHDR"(4) width(4) height(4) … CRC over type and data, right after the 8-byte signature.
  png.writeUInt32BE(20_000, 16);
  png.writeUInt32BE(20_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

function box(type: string, body: Uint8Array = new Uint8Array()): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, "latin1");
  return Buffer.concat([header, body]);
}

function ftyp(major: string, compatible: readonly string[]): Buffer {
  return box("ftyp", Buffer.from(`${major}\0\0\0\0${compatible.join("")}`, "latin1"));
}

/** An iPhone HEIC's opening: ftyp heic (mif1 structural brand), then the start of its meta box. */
export function heicHeader(major: "heic" | "mif1" = "heic"): Buffer {
  return Buffer.concat([ftyp(major, ["mif1", "heic"]), box("meta", Buffer.alloc(64))]);
}

export function avifHeader(): Buffer {
  return Buffer.concat([ftyp("avif", ["mif1", "avif"]), box("meta", Buffer.alloc(64))]);
}

/** An MP4/MOV shaped as cameras write it: ftyp, moov (index), mdat (media), with `mdatBytes` of media. */
export function isoVideo(options: { container: "mp4" | "mov"; mdatBytes?: number; truncateBy?: number }): Buffer {
  const head = options.container === "mov" ? ftyp("qt  ", ["qt  "]) : ftyp("isom", ["isom", "iso2", "avc1", "mp41"]);
  const moov = box("moov", box("mvhd", Buffer.alloc(100)));
  const media = Buffer.alloc(options.mdatBytes ?? 4096);
  for (let i = 0; i < media.length; i++) media[i] = (i * 31) & 0xff;
  const file = Buffer.concat([head, moov, box("mdat", media)]);
  return file.subarray(0, file.length - (options.truncateBy ?? 0));
}

/** EBML header (DocType `docType`) and a Segment of unknown size, as MediaRecorder writes it. */
export function ebmlVideo(docType: "webm" | "matroska" = "webm"): Buffer {
  const docTypeElement = Buffer.concat([Buffer.from([0x42, 0x82, 0x80 | docType.length]), Buffer.from(docType, "latin1")]);
  const header = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | docTypeElement.length]), docTypeElement]);
  const segment = Buffer.concat([
    Buffer.from([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
    Buffer.alloc(512, 7),
  ]);
  return Buffer.concat([header, segment]);
}

export const ZIP_MARKER = "polyglot-zip-payload";

/** A one-file ZIP (stored, no compression) whose content is ZIP_MARKER. */
export function zip(): Buffer {
  const name = Buffer.from("payload.txt");
  const data = Buffer.from(ZIP_MARKER);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(10, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const localSize = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(localSize, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

export const pdf = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
export const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
export const html = Buffer.from("<!doctype html><html><body><script>document.location='https://evil.example'</script></body></html>");
