import { describe, expect, it } from "vitest";
import { sniffType } from "@/lib/uploads/sniff";
import { isWellFormedVideo } from "@/lib/uploads/video-container";
import { avifHeader, ebmlVideo, gif, heicHeader, html, isoVideo, pdf, phoneJpeg, svg, transparentPng, zip } from "@/test/files/make-files";
import sharp from "sharp";

describe("sniffType", () => {
  it("recognises the accepted images from their bytes", async () => {
    expect(sniffType(await phoneJpeg({ width: 10, height: 10 }))).toEqual({ kind: "image", format: "jpeg" });
    expect(sniffType(await transparentPng())).toEqual({ kind: "image", format: "png" });
    const webp = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#123" } })
      .webp()
      .toBuffer();
    expect(sniffType(webp)).toEqual({ kind: "image", format: "webp" });
  });

  it("recognises MP4, MOV and WebM", () => {
    expect(sniffType(isoVideo({ container: "mp4" }))).toMatchObject({ kind: "video", container: "mp4", contentType: "video/mp4" });
    expect(sniffType(isoVideo({ container: "mov" }))).toMatchObject({ kind: "video", container: "mov", contentType: "video/quicktime" });
    expect(sniffType(ebmlVideo("webm"))).toMatchObject({ kind: "video", container: "webm", contentType: "video/webm" });
  });

  it("tells HEIC/HEIF apart, whether the major brand is heic or the structural mif1", () => {
    expect(sniffType(heicHeader("heic"))).toEqual({ kind: "heic" });
    expect(sniffType(heicHeader("mif1"))).toEqual({ kind: "heic" });
  });

  it("refuses everything else, whatever it claims", async () => {
    for (const bytes of [
      pdf,
      svg,
      html,
      zip(),
      await gif(),
      avifHeader(),
      ebmlVideo("matroska"),
      new Uint8Array(),
      new Uint8Array([0xff, 0xd8]),
    ]) {
      expect(sniffType(bytes)).toEqual({ kind: "unknown" });
    }
  });

  it("refuses an ftyp box whose size does not fit the file", () => {
    const header = isoVideo({ container: "mp4" });
    header.writeUInt32BE(10_000, 0);
    expect(sniffType(header)).toEqual({ kind: "unknown" });
  });
});

describe("isWellFormedVideo", () => {
  it("accepts complete MP4/MOV box chains and a WebM segment", () => {
    expect(isWellFormedVideo(isoVideo({ container: "mp4" }), "mp4")).toBe(true);
    expect(isWellFormedVideo(isoVideo({ container: "mov" }), "mov")).toBe(true);
    expect(isWellFormedVideo(ebmlVideo("webm"), "webm")).toBe(true);
  });

  it("refuses a file cut short, and an ftyp header followed by anything else", () => {
    expect(isWellFormedVideo(isoVideo({ container: "mp4", truncateBy: 100 }), "mp4")).toBe(false);
    const ftypOnly = isoVideo({ container: "mp4" }).subarray(0, 32);
    expect(isWellFormedVideo(Buffer.concat([ftypOnly, html]), "mp4")).toBe(false);
    expect(isWellFormedVideo(ebmlVideo("webm").subarray(0, 20), "webm")).toBe(false);
  });
});
