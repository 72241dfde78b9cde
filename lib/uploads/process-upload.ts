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
 * UploadError. Nothing is stored for a refused file. Files are written before the row; if the row
 * cannot be written they are removed again. With a `tx` that later rolls back, the files stay behind
 * unreferenced (private, unguessable keys) — prefer calling this outside the transaction that links the
 * asset, since sharp's work would hold that transaction open.
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
    await putObject(stored.storageKey, full.data);
    await putObject(`${prefix}-thumb.webp`, thumbnail.data).catch(cleanUp([stored.storageKey]));
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
    await putObject(stored.storageKey, input.bytes);
  }

  const { storageKey, thumbnailKey, sha256: digest, ...upload } = stored;
  await tx.asset
    .create({
      data: { id: assetId, dealerId: input.dealerId, ...upload, storageKey, thumbnailKey, sha256: digest, public: false },
      select: { id: true },
    })
    .catch(cleanUp([storageKey, thumbnailKey]));
  return { assetId, ...upload };
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Removes the files already written, then rethrows the original error. */
function cleanUp(keys: readonly (string | null)[]): (error: unknown) => Promise<never> {
  return async (error) => {
    await Promise.allSettled(keys.filter((key): key is string => key !== null).map(deleteObject));
    throw error;
  };
}
