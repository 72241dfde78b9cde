import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { encodeImage } from "@/lib/uploads/image";
import { uploadLimits } from "@/lib/uploads/limits";
import { sniffType } from "@/lib/uploads/sniff";
import { deleteObject, putObject } from "@/lib/uploads/storage";
import { UploadError } from "@/lib/uploads/upload-error";
import { isWellFormedVideo } from "@/lib/uploads/video-container";

export type UploadInput = {
  dealerId: string;
  bytes: Uint8Array;
  /**
   * The browser's `File.type` and `File.name`. Accepted so a caller can pass a File's fields through, and
   * deliberately unused: both are chosen by the sender, so the type is read from the bytes.
   */
  declaredType?: string;
  fileName?: string;
};

export type StoredUpload = {
  assetId: string;
  kind: "IMAGE" | "VIDEO";
  contentType: string;
  bytes: number;
  width: number | null;
  height: number | null;
};

type StoredFile = Omit<StoredUpload, "assetId"> & { storageKey: string; thumbnailKey: string | null; sha256: string };

/**
 * Checks, re-encodes (images) and stores one customer upload as a private Asset, or throws an
 * UploadError. Nothing is stored for a refused file. Files are written before the row; if a file or the
 * row cannot be written, the files are removed again. With a `tx` that later rolls back, the files stay
 * behind unreferenced (private, unguessable keys). Prefer calling this outside the transaction that
 * links the asset: sharp's work (~0.5 s for a 12 MP photo) would hold that transaction open, and on
 * PGlite an open transaction holds the one connection every other request waits for.
 */
export async function processUpload(input: UploadInput, tx: Tx = db()): Promise<StoredUpload> {
  const limits = uploadLimits();
  if (input.bytes.length === 0) throw new UploadError("unreadable");
  const type = sniffType(input.bytes);
  if (type.kind === "heic") throw new UploadError("heic");
  if (type.kind === "unknown") throw new UploadError("unsupported");

  const assetId = randomUUID();
  const prefix = `${input.dealerId}/uploads/${assetId}`;
  let stored: StoredFile;
  let files: [key: string, bytes: Uint8Array][];
  if (type.kind === "image") {
    if (input.bytes.length > limits.maxImageBytes) throw new UploadError("too_large");
    const { full, thumbnail } = await encodeImage(input.bytes, limits);
    stored = {
      kind: "IMAGE",
      contentType: "image/webp",
      bytes: full.data.length,
      width: full.width,
      height: full.height,
      storageKey: `${prefix}.webp`,
      thumbnailKey: `${prefix}-thumb.webp`,
      sha256: sha256(full.data),
    };
    files = [
      [stored.storageKey, full.data],
      [`${prefix}-thumb.webp`, thumbnail.data],
    ];
  } else {
    if (input.bytes.length > limits.maxVideoBytes) throw new UploadError("too_large");
    if (!isWellFormedVideo(input.bytes, type.container)) throw new UploadError("unreadable");
    stored = {
      kind: "VIDEO",
      contentType: type.contentType,
      bytes: input.bytes.length,
      width: null,
      height: null,
      storageKey: `${prefix}.${type.container}`,
      thumbnailKey: null,
      sha256: sha256(input.bytes),
    };
    files = [[stored.storageKey, input.bytes]];
  }

  const { storageKey, thumbnailKey, sha256: digest, ...upload } = stored;
  try {
    for (const [key, bytes] of files) await putObject(key, bytes);
    await tx.asset.create({
      data: { id: assetId, dealerId: input.dealerId, ...upload, storageKey, thumbnailKey, sha256: digest, public: false },
      select: { id: true },
    });
  } catch (error) {
    await Promise.allSettled(files.map(([key]) => deleteObject(key)));
    throw error;
  }
  return { assetId, ...upload };
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
