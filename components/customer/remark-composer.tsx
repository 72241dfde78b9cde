"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/auth/dealer-action";
import { REMARK_DESCRIPTION_MAX, REMARK_TITLE_MAX } from "@/lib/checkin/remark-limits";
import { FormField } from "@/components/customer/form-field";

export type RemarkComposerLabels = {
  title: string;
  description: string;
  files: string;
  filesHint: string;
  add: string;
  adding: string;
  uploading: string;
  removeFile: string;
  waitForUploads: string;
  photo: string;
  video: string;
  errors: Record<string, string>;
};

type PendingFile = {
  localId: string;
  name: string;
  isVideo: boolean;
  /** A local preview (blob: URL) while uploading; replaced by nothing once stored — the blob stays valid. */
  previewUrl: string;
  progress: number;
  assetId?: string;
  error?: string;
};

type Props = {
  token: string;
  maxFiles: number;
  /** Set after a plain-form post was refused (no JavaScript): the reason, from the page's URL. */
  refusedCode?: string;
  labels: RemarkComposerLabels;
  addAction: (previous: unknown, formData: FormData) => Promise<ActionResult<unknown>>;
};

const UPLOAD_URL = "/files/checkin-upload";

/**
 * The "add a remark" form. Without JavaScript it is a plain multipart form: text and files go together
 * to /files/checkin-remark. With JavaScript each photo or video uploads as soon as it is chosen (with
 * progress and a preview, so the customer can keep typing), and the remark is sent with the ids.
 */
export function RemarkComposer({ token, maxFiles, refusedCode, labels, addAction }: Props) {
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [notice, setNotice] = useState<string | null>(refusedCode ? message(labels, refusedCode) : null);
  const formRef = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const requests = useRef(new Map<string, XMLHttpRequest>());
  const [state, formAction, pending] = useActionState(async (previous: unknown, data: FormData) => {
    const result = await addAction(previous, data);
    if (result.ok) {
      formRef.current?.reset();
      setFiles([]);
      setNotice(null);
    }
    return result;
  }, null);

  useEffect(() => {
    const open = requests.current;
    return () => open.forEach((request) => request.abort());
  }, []);

  const update = (localId: string, change: Partial<PendingFile>) =>
    setFiles((current) => current.map((f) => (f.localId === localId ? { ...f, ...change } : f)));

  function upload(file: File) {
    const localId = crypto.randomUUID();
    setFiles((current) => [
      ...current,
      { localId, name: file.name, isVideo: file.type.startsWith("video/"), previewUrl: URL.createObjectURL(file), progress: 0 },
    ]);
    const request = new XMLHttpRequest();
    requests.current.set(localId, request);
    request.open("POST", UPLOAD_URL);
    request.setRequestHeader("X-Checkin-Token", token);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) update(localId, { progress: Math.round((event.loaded / event.total) * 100) });
    };
    request.onload = () => {
      requests.current.delete(localId);
      const body = parse(request.responseText);
      if (request.status === 201 && typeof body?.assetId === "string") update(localId, { progress: 100, assetId: body.assetId });
      else update(localId, { error: message(labels, typeof body?.code === "string" ? body.code : "failed") });
    };
    request.onerror = () => {
      requests.current.delete(localId);
      update(localId, { error: message(labels, "failed") });
    };
    request.send(file);
  }

  function choose(list: FileList | null, input: HTMLInputElement) {
    const chosen = Array.from(list ?? []);
    input.value = "";
    const room = maxFiles - files.length;
    if (chosen.length > room) setNotice(message(labels, "too_many_files"));
    chosen.slice(0, Math.max(room, 0)).forEach(upload);
  }

  function remove(localId: string) {
    requests.current.get(localId)?.abort();
    requests.current.delete(localId);
    setFiles((current) => current.filter((f) => f.localId !== localId));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Files chosen before the page's script was ready have not been uploaded yet.
    if (fileInput.current?.files?.length) {
      choose(fileInput.current.files, fileInput.current);
      setNotice(labels.waitForUploads);
      return;
    }
    if (files.some((f) => !f.assetId && !f.error)) {
      setNotice(labels.waitForUploads);
      return;
    }
    setNotice(null);
    const data = new FormData();
    const form = new FormData(event.currentTarget);
    data.set("token", token);
    data.set("title", String(form.get("title") ?? ""));
    data.set("description", String(form.get("description") ?? ""));
    for (const f of files) if (f.assetId) data.append("assetIds", f.assetId);
    startTransition(() => formAction(data));
  }

  const fieldError = (name: string) => {
    const code = state && !state.ok ? state.fieldErrors?.[name] : undefined;
    return code ? (labels.errors[code] ?? labels.errors.invalid) : undefined;
  };
  const titleError = fieldError("title");
  const descriptionError = fieldError("description");
  const failed =
    state && !state.ok && !state.fieldErrors ? message(labels, state.error === "validation_failed" ? "too_many_comments" : "failed") : null;
  const uploading = files.some((f) => !f.assetId && !f.error);

  return (
    <form
      ref={formRef}
      action="/files/checkin-remark"
      method="post"
      encType="multipart/form-data"
      onSubmit={submit}
      className="mt-4 space-y-3"
      noValidate
    >
      <input type="hidden" name="token" value={token} />
      <FormField id="remark-title" label={labels.title} error={titleError}>
        {(aria) => (
          <input
            {...aria}
            name="title"
            maxLength={REMARK_TITLE_MAX}
            className="mt-1 block min-h-12 w-full rounded border border-neutral-400 px-3"
          />
        )}
      </FormField>
      <FormField id="remark-description" label={labels.description} error={descriptionError}>
        {(aria) => (
          <textarea
            {...aria}
            name="description"
            rows={3}
            maxLength={REMARK_DESCRIPTION_MAX}
            className="mt-1 block w-full rounded border border-neutral-400 px-3 py-2"
          />
        )}
      </FormField>
      <FormField id="remark-files" label={labels.files} hint={labels.filesHint}>
        {(aria) => (
          <input
            {...aria}
            ref={fileInput}
            name="files"
            type="file"
            accept="image/*,video/*"
            multiple
            onChange={(event) => choose(event.currentTarget.files, event.currentTarget)}
            className="mt-2 block w-full text-sm file:mr-3 file:min-h-11 file:rounded file:border-2 file:border-brand file:bg-white file:px-3 file:font-semibold"
          />
        )}
      </FormField>
      {files.length > 0 && (
        <ul className="grid grid-cols-3 gap-2" aria-label={labels.files}>
          {files.map((file, index) => (
            <li key={file.localId} className="relative overflow-hidden rounded-lg bg-neutral-100 ring-1 ring-neutral-300">
              {file.isVideo ? (
                <video src={file.previewUrl} muted playsInline preload="metadata" className="aspect-square w-full object-cover" />
              ) : (
                // A local blob: preview of the customer's own file; next/image cannot optimise it.
                // eslint-disable-next-line @next/next/no-img-element
                <img
                  src={file.previewUrl}
                  alt={`${file.isVideo ? labels.video : labels.photo} ${index + 1}`}
                  className="aspect-square w-full object-cover"
                />
              )}
              {!file.assetId && !file.error && (
                <div className="absolute inset-x-0 bottom-0 bg-white/90 px-1 py-0.5">
                  <progress max={100} value={file.progress} aria-label={labels.uploading} className="h-2 w-full accent-brand" />
                </div>
              )}
              {file.error && (
                <p role="alert" className="absolute inset-0 overflow-auto bg-white/95 p-1 text-xs font-medium text-red-800">
                  {file.error}
                </p>
              )}
              <button
                type="button"
                onClick={() => remove(file.localId)}
                className="absolute top-1 right-1 flex size-11 items-center justify-center rounded-full bg-white/90 text-lg font-bold ring-1 ring-neutral-400"
              >
                <span aria-hidden="true">×</span>
                <span className="sr-only">
                  {labels.removeFile} {index + 1}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {(notice || failed) && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {notice ?? failed}
        </p>
      )}
      <button
        type="submit"
        disabled={pending || uploading}
        className="min-h-12 rounded-lg border-2 border-brand bg-white px-4 font-semibold disabled:opacity-60"
      >
        {pending ? labels.adding : uploading ? labels.uploading : labels.add}
      </button>
    </form>
  );
}

function parse(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function message(labels: RemarkComposerLabels, code: string): string {
  return labels.errors[code] ?? labels.errors.failed ?? "";
}
