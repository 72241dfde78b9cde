import "server-only";
import type { OpenLink } from "@/lib/auth/token-action";
import { db } from "@/lib/db";
import { consume } from "@/lib/rate-limit";
import { processUpload } from "@/lib/uploads/process-upload";
import { signedAssetUrl } from "@/lib/uploads/signed-url";
import { deleteObject } from "@/lib/uploads/storage";
import { UploadError, type UploadErrorCode } from "@/lib/uploads/upload-error";

/** Why a remark's file was refused: the upload pipeline's reasons, plus the ones about the remark. */
export type RemarkFileError = UploadErrorCode | "too_many_files" | "rate_limited";

export type UploadedRemarkFile = {
  assetId: string;
  kind: "IMAGE" | "VIDEO";
  contentType: string;
  /** Signed, short-lived: only this link's holder gets them (in the response to their own upload). */
  url: string;
  thumbUrl: string | null;
};

/**
 * One photo or video for a remark the customer is writing, stored before the remark is (so a phone
 * uploads each file while they type). The file is private and linked to nothing until `addComment`
 * takes it; its id is a random UUID only this response reveals.
 */
export async function uploadRemarkFile(input: { link: OpenLink; bytes: Uint8Array }): Promise<UploadedRemarkFile> {
  await consumeUpload(input.link);
  const stored = await processUpload({ dealerId: input.link.dealerId, bytes: input.bytes });
  return {
    assetId: stored.assetId,
    kind: stored.kind,
    contentType: stored.contentType,
    url: signedAssetUrl({ assetId: stored.assetId, variant: "full" }),
    thumbUrl: stored.kind === "IMAGE" ? signedAssetUrl({ assetId: stored.assetId, variant: "thumb" }) : null,
  };
}

export class RemarkFileRefused extends Error {
  constructor(readonly code: RemarkFileError) {
    super(`Remark file refused: ${code}`);
    this.name = "RemarkFileRefused";
  }
}

async function consumeUpload(link: OpenLink): Promise<void> {
  try {
    await consume("customerUpload", link.tokenId);
  } catch {
    throw new RemarkFileRefused("rate_limited");
  }
}

export function remarkFileError(error: unknown): RemarkFileError | null {
  if (error instanceof RemarkFileRefused) return error.code;
  if (error instanceof UploadError) return error.code;
  return null;
}

/**
 * Removes uploads that no remark took (a form refused after some of its files were stored), so a
 * refused submission leaves nothing behind. Files linked to a remark are never touched.
 */
export async function discardUploads(dealerId: string, assetIds: string[]): Promise<void> {
  if (assetIds.length === 0) return;
  const where = {
    id: { in: assetIds },
    dealerId,
    public: false,
    commentAttachments: { none: {} },
    reportAttachments: { none: {} },
  };
  const assets = await db().asset.findMany({ where, select: { storageKey: true, thumbnailKey: true } });
  await db().asset.deleteMany({ where });
  const keys = assets.flatMap((a) => (a.thumbnailKey ? [a.storageKey, a.thumbnailKey] : [a.storageKey]));
  await Promise.allSettled(keys.map((key) => deleteObject(key)));
}
