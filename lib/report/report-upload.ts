import "server-only";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { currentStaff } from "@/lib/auth/session";
import { CUSTOMER_HANDLERS } from "@/lib/auth/require-staff";
import { discardUploads } from "@/lib/checkin/remark-uploads";
import { isAppError } from "@/lib/errors";
import { parseMultipart } from "@/lib/http/multipart";
import { addReportItemAttachment } from "@/lib/report/edit-report";
import { uploadLimits } from "@/lib/uploads/limits";
import { processUpload } from "@/lib/uploads/process-upload";
import { UploadError, type UploadErrorCode } from "@/lib/uploads/upload-error";

export type ReportUploadError = UploadErrorCode | "no_file" | "too_many_files" | "refused";

export type ReportUploadOutcome =
  | { status: "unauthorized" }
  | { status: "not_found" }
  | { status: "added" | "refused"; appointmentId: string; key: string; code?: ReportUploadError };

const fieldsSchema = z.object({ appointmentId: z.uuid(), key: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/) });

/**
 * A photo or video the advisor adds to a report item from the plain multipart form (a server action's
 * body limit could not take a video). Checked and re-encoded by the same pipeline as customers' uploads,
 * stored before the draft changes (sharp's work stays outside the transaction); a refused link removes
 * the stored file again.
 */
export async function addReportUploadFromForm(request: Request): Promise<ReportUploadOutcome> {
  const staff = await currentStaff();
  if (!staff) return { status: "unauthorized" };
  if (!CUSTOMER_HANDLERS.includes(staff.role)) return { status: "not_found" };
  const limits = uploadLimits();
  const form = await parseMultipart(request, {
    maxFiles: 1,
    maxFileBytes: Math.max(limits.maxImageBytes, limits.maxVideoBytes),
    maxFields: 4,
    maxFieldBytes: 200,
  });
  try {
    const fields = fieldsSchema.safeParse(form.fields);
    if (!fields.success) return { status: "not_found" };
    const { appointmentId, key } = fields.data;
    const refused = (code: ReportUploadError) => ({ status: "refused" as const, appointmentId, key, code });
    if (form.overLimit === "file_too_large") return refused("too_large");
    if (form.overLimit) return refused("too_many_files");
    const file = form.files[0];
    if (!file) return refused("no_file");
    let assetId: string;
    try {
      assetId = (await processUpload({ dealerId: staff.dealerId, bytes: await readFile(file.path) })).assetId;
    } catch (error) {
      if (error instanceof UploadError) return refused(error.code);
      throw error;
    }
    try {
      await addReportItemAttachment({ dealerId: staff.dealerId, staffUserId: staff.staffUserId, appointmentId, key, assetId });
    } catch (error) {
      await discardUploads(staff.dealerId, [assetId]);
      if (!isAppError(error)) throw error;
      if (error.code === "not_found") return { status: "not_found" };
      return refused(error.code === "validation_failed" ? "too_many_files" : "refused");
    }
    return { status: "added", appointmentId, key };
  } finally {
    await form.cleanup();
  }
}
