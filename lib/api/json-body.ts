import "server-only";
import type { z } from "zod";
import { AppError, zodFieldErrors } from "@/lib/errors";

/** api-v1.md: bodies over 1 MB answer 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** `application/json`, optionally with `charset=utf-8` (the only charset JSON has, RFC 8259). */
function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(";").map((part) => part.trim().toLowerCase());
  if (type !== "application/json") return false;
  return params.every((param) => {
    const [name, value] = param.split("=").map((s) => s.trim());
    return name !== "charset" || value?.replace(/^"(.*)"$/, "$1") === "utf-8";
  });
}

/**
 * The body's bytes, refusing more than the limit. Content-Length is only a first, cheap check: a client
 * can send it wrong or not at all (chunked), so the bytes are counted as they arrive and reading stops
 * at the limit instead of buffering whatever is sent.
 */
async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    throw new AppError("payload_too_large", `The body must not exceed ${limit} bytes.`);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("payload_too_large", `The body must not exceed ${limit} bytes.`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The request's JSON value: 415 for another media type, 413 over the limit, 400 for bytes that are not JSON. */
export async function readJson(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  let bytes: Uint8Array;
  try {
    bytes = await readLimited(request, limit);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A client that aborts mid-body or sends a broken chunked encoding.
    throw new AppError("bad_request", "The body could not be read.");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "The body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}

/** Reads and validates a JSON body; every field error is reported at once (422). */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const value = await readJson(request);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError("validation_failed", "The body has invalid fields.", { errors: zodFieldErrors(parsed.error.issues) });
  }
  return parsed.data;
}
