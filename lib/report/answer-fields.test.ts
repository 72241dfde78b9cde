import { describe, expect, it } from "vitest";
import { decisionFields, finalAnswerFields, questionFields } from "@/lib/report/answer-fields";

const base = { token: "A".repeat(22), version: "1", itemKey: "wipers" };

describe("the report page's form fields", () => {
  it("take a known decision, a reason and a reminder of 1, 3 or 6 months", () => {
    expect(decisionFields.parse({ ...base, decision: "DECLINED", reason: "Next time", remindMonths: "3" })).toMatchObject({
      version: 1,
      decision: "DECLINED",
      remindMonths: 3,
    });
    expect(decisionFields.parse({ ...base, decision: "APPROVED", remindMonths: "" }).remindMonths).toBeNull();
  });

  it("refuse an unknown decision, a reminder off the list, a version that is not a number, and a huge reason", () => {
    expect(decisionFields.safeParse({ ...base, decision: "MAYBE" }).success).toBe(false);
    expect(decisionFields.safeParse({ ...base, decision: "DECLINED", remindMonths: "12" }).success).toBe(false);
    expect(decisionFields.safeParse({ ...base, version: "two", decision: "APPROVED" }).success).toBe(false);
    const reason = decisionFields.safeParse({ ...base, decision: "DECLINED", reason: "x".repeat(1001) });
    expect(reason.success ? null : reason.error.issues[0]?.message).toBe("tooLong");
  });

  it("refuse an empty or huge question and a huge final comment", () => {
    expect(questionFields.safeParse({ ...base, body: "   " }).success).toBe(false);
    expect(questionFields.safeParse({ ...base, body: "x".repeat(2001) }).success).toBe(false);
    expect(questionFields.parse({ ...base, body: "  Original blades?  " }).body).toBe("Original blades?");
    expect(finalAnswerFields.safeParse({ token: base.token, version: "1", finalComment: "x".repeat(4001) }).success).toBe(false);
    expect(finalAnswerFields.parse({ token: base.token, version: "1" }).finalComment).toBe("");
  });
});
