import { describe, expect, it } from "vitest";
import { AppError, problemResponse, toProblem, zodFieldErrors } from "@/lib/errors";

describe("AppError → problem+json", () => {
  it("maps codes to statuses with RFC 9457 bodies", async () => {
    const response = problemResponse(
      new AppError("validation_failed", "Invalid appointment", { errors: [{ path: "vehicle.vin", message: "Too long" }] }),
    );
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toEqual({
      type: "https://greenlight.dev/problems/validation-failed",
      title: "Validation failed",
      status: 422,
      detail: "Invalid appointment",
      errors: [{ path: "vehicle.vin", message: "Too long" }],
    });
  });

  it("sets Retry-After on 429 and never leaks an unexpected error's message", () => {
    expect(problemResponse(new AppError("rate_limited", undefined, { retryAfterSeconds: 1.2 })).headers.get("retry-after")).toBe("2");
    expect(toProblem(new Error("password=hunter2"), "req-1")).toEqual({
      type: "about:blank",
      title: "Internal server error",
      status: 500,
      requestId: "req-1",
    });
  });

  it("turns zod paths into dotted field paths", () => {
    expect(zodFieldErrors([{ path: ["contacts", 0, "email"], message: "Invalid email" }])).toEqual([
      { path: "contacts.0.email", message: "Invalid email" },
    ]);
  });
});
