/**
 * Why an upload was refused, as a code the page turns into a localized sentence. Not an AppError: the
 * customer needs to know which of these it was ("take the photo again as JPEG" is not "make it smaller"),
 * which AppError's HTTP-shaped codes cannot say.
 */
export const uploadErrorStatus = {
  /** Not a JPEG, PNG, WebP, MP4, MOV or WebM, whatever its name or declared type. */
  unsupported: 415,
  /** HEIC/HEIF: iOS normally converts to JPEG for `accept="image/*"`, but some share paths send HEIC. */
  heic: 415,
  too_large: 413,
  /** Corrupt, truncated, or more pixels than the decompression-bomb limit. */
  unreadable: 422,
} as const;

export type UploadErrorCode = keyof typeof uploadErrorStatus;

export class UploadError extends Error {
  readonly code: UploadErrorCode;

  constructor(code: UploadErrorCode, options?: { cause?: unknown }) {
    super(`Upload refused: ${code}`, options);
    this.name = "UploadError";
    this.code = code;
  }

  get status(): number {
    return uploadErrorStatus[this.code];
  }
}

export function isUploadError(error: unknown): error is UploadError {
  return error instanceof UploadError;
}
