import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";

export type MultipartLimits = { maxFiles: number; maxFileBytes: number; maxFields: number; maxFieldBytes: number };

export type ParsedMultipart = {
  fields: Record<string, string>;
  /** Each file spooled to a temporary file (a video may be 200 MB: never held in memory all at once). */
  files: { path: string; bytes: number }[];
  /** Why the form is refused as a whole, if it is: a file or field over its limit, or too many files. */
  overLimit: "file_too_large" | "too_many_files" | "too_many_fields" | null;
  /** Removes the temporary files; always call it, in a `finally`. */
  cleanup: () => Promise<void>;
};

/**
 * A multipart/form-data body parsed as it streams (busboy), for the plain-HTML forms that post files
 * without JavaScript. File inputs left empty (no file chosen) are skipped.
 */
export async function parseMultipart(request: Request, limits: MultipartLimits): Promise<ParsedMultipart> {
  const dir = await mkdtemp(path.join(tmpdir(), "greenlight-form-"));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const result: ParsedMultipart = { fields: {}, files: [], overLimit: null, cleanup };
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !contentType.startsWith("multipart/form-data")) return result;
  try {
    const parser = busboy({
      headers: { "content-type": contentType },
      limits: { files: limits.maxFiles, fileSize: limits.maxFileBytes, fields: limits.maxFields, fieldSize: limits.maxFieldBytes },
    });
    const writes: Promise<void>[] = [];
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) result.overLimit ??= "too_many_fields";
      else result.fields[name] = value;
    });
    parser.on("file", (_name, stream, info) => {
      if (!info.filename) {
        stream.resume();
        return;
      }
      const file = { path: path.join(dir, randomUUID()), bytes: 0 };
      stream.on("data", (chunk: Buffer) => (file.bytes += chunk.length));
      stream.on("limit", () => (result.overLimit ??= "file_too_large"));
      result.files.push(file);
      writes.push(pipeline(stream, createWriteStream(file.path)));
    });
    parser.on("filesLimit", () => (result.overLimit ??= "too_many_files"));
    parser.on("fieldsLimit", () => (result.overLimit ??= "too_many_fields"));
    await pipeline(Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>), parser);
    await Promise.all(writes);
    result.files = result.files.filter((file) => file.bytes > 0);
    return result;
  } catch (error) {
    await cleanup();
    throw error;
  }
}
