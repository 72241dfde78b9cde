// Readers for what an image file carries besides pixels, to prove what was (and was not) kept.

/** Tag ids of EXIF IFD0 and of its GPS IFD (empty when there is none), from sharp's `metadata().exif`. */
export function exifTags(exif: Buffer): { ifd0: number[]; gps: number[] } {
  const tiff = exif.subarray(exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? 6 : 0);
  const little = tiff.subarray(0, 2).toString("latin1") === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const entries = (ifd: number) => Array.from({ length: u16(ifd) }, (_, i) => ifd + 2 + i * 12);
  const ifd0 = entries(u32(4));
  const gpsEntry = ifd0.find((entry) => u16(entry) === 0x8825);
  return { ifd0: ifd0.map(u16), gps: gpsEntry === undefined ? [] : entries(u32(gpsEntry + 8)).map(u16) };
}

/** The chunk types of a RIFF file (WebP): VP8/VP8L/VP8X/ALPH for pixels, EXIF/XMP /ICCP for metadata. */
export function riffChunks(file: Buffer): string[] {
  const chunks: string[] = [];
  for (let at = 12; at + 8 <= file.length; at += 8 + file.readUInt32LE(at + 4) + (file.readUInt32LE(at + 4) % 2)) {
    chunks.push(file.subarray(at, at + 4).toString("latin1"));
  }
  return chunks;
}
