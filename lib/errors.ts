/**
 * The one error type the domain throws. Each code maps to an HTTP status; route handlers turn it into
 * problem+json, pages into a localized message. Unexpected errors never reach a client verbatim.
 */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type FieldError = { path: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors?: FieldError[];
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, detail?: string, options: { errors?: FieldError[]; retryAfterSeconds?: number } = {}) {
    super(detail ?? code);
    this.name = "AppError";
    this.code = code;
    this.errors = options.errors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

const titles: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  gone: "Gone",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  validation_failed: "Validation failed",
  rate_limited: "Too many requests",
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  requestId?: string;
};

/** RFC 9457 body for an error; unexpected errors become a bare 500 with only a request id. */
export function toProblem(error: unknown, requestId?: string): Problem {
  if (isAppError(error)) {
    return {
      type: `https://greenlight.dev/problems/${error.code.replace(/_/g, "-")}`,
      title: titles[error.code],
      status: error.status,
      ...(error.message !== error.code ? { detail: error.message } : {}),
      ...(error.errors ? { errors: error.errors } : {}),
      ...(requestId ? { requestId } : {}),
    };
  }
  return { type: "about:blank", title: "Internal server error", status: 500, ...(requestId ? { requestId } : {}) };
}

export function problemResponse(error: unknown, requestId?: string, headers: HeadersInit = {}): Response {
  const problem = toProblem(error, requestId);
  const extra = new Headers(headers);
  extra.set("Content-Type", "application/problem+json");
  if (problem.status === 401) extra.set("WWW-Authenticate", "Bearer");
  if (isAppError(error) && error.retryAfterSeconds !== undefined) {
    extra.set("Retry-After", String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  }
  return new Response(JSON.stringify(problem), { status: problem.status, headers: extra });
}

/** zod issues → field errors with dotted paths, as api-v1.md shows ("vehicle.vin"). */
export function zodFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}
