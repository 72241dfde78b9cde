import "server-only";
import { readFile } from "node:fs/promises";
import { openLink } from "@/lib/auth/token-action";
import { addComment } from "@/lib/checkin/answer-checkin";
import { remarkTextSchema } from "@/lib/checkin/remark-fields";
import { discardUploads, remarkFileError, uploadRemarkFile, type RemarkFileError } from "@/lib/checkin/remark-uploads";
import { isAppError } from "@/lib/errors";
import { parseMultipart } from "@/lib/http/multipart";
import { fromHeaders } from "@/lib/request-context";
import { uploadLimits } from "@/lib/uploads/limits";

export type RemarkFormError = RemarkFileError | "title_required" | "too_long" | "too_many_comments";

export type RemarkFormOutcome =
  | { status: "added"; token: string }
  | { status: "refused"; token: string; code: RemarkFormError }
  | { status: "gone"; token: string }
  | { status: "not_found" };

/**
 * A remark with its photos and videos from the plain form (no JavaScript): text and files in one
 * multipart post. All or nothing: if any file or the text is refused, the files already stored are
 * removed again and the page says why.
 */
export async function addRemarkFromForm(request: Request): Promise<RemarkFormOutcome> {
  const limits = uploadLimits();
  const form = await parseMultipart(request, {
    maxFiles: limits.maxFilesPerComment,
    maxFileBytes: Math.max(limits.maxImageBytes, limits.maxVideoBytes),
    maxFields: 8,
    maxFieldBytes: 20_000,
  });
  const stored: string[] = [];
  try {
    const token = form.fields.token ?? "";
    const link = await openLink({ token, purpose: "CHECKIN", context: fromHeaders(request.headers) });
    if (!link.ok)
      return link.error === "gone"
        ? { status: "gone", token }
        : link.error === "rate_limited"
          ? { status: "refused", token, code: "rate_limited" }
          : { status: "not_found" };
    const refuse = async (code: RemarkFormError): Promise<RemarkFormOutcome> => {
      await discardUploads(link.link.dealerId, stored);
      return { status: "refused", token, code };
    };

    if (form.overLimit === "file_too_large") return refuse("too_large");
    if (form.overLimit === "too_many_files") return refuse("too_many_files");
    if (form.overLimit) return refuse("too_long");
    const text = remarkTextSchema.safeParse(form.fields);
    if (!text.success) return refuse(text.error.issues.some((i) => i.message === "required") ? "title_required" : "too_long");

    for (const file of form.files) {
      try {
        const upload = await uploadRemarkFile({ link: link.link, bytes: await readFile(file.path) });
        stored.push(upload.assetId);
      } catch (error) {
        const code = remarkFileError(error);
        if (!code) throw error;
        return refuse(code);
      }
    }
    try {
      await addComment({ link: link.link, ...text.data, assetIds: stored });
    } catch (error) {
      if (isAppError(error) && error.code === "validation_failed") return refuse("too_many_comments");
      if (isAppError(error) && error.code === "gone") return { status: "gone", token };
      throw error;
    }
    return { status: "added", token };
  } finally {
    await form.cleanup();
  }
}
