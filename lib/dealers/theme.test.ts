import { describe, expect, it } from "vitest";
import { contrastRatio, readableTextOn, themeCss } from "@/lib/dealers/theme";

describe("theme", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("picks black or white text, whichever meets contrast better", () => {
    expect(readableTextOn("#0b3d5c")).toBe("#ffffff");
    expect(readableTextOn("#f2a900")).toBe("#000000");
    expect(readableTextOn("#ffffff")).toBe("#000000");
  });

  it("emits only validated colours (no CSS injection through a theme)", () => {
    expect(themeCss({ primaryColor: "#0b3d5c", accentColor: "#f2a900" })).toBe(
      "--brand-primary:#0b3d5c;--brand-on-primary:#ffffff;--brand-accent:#f2a900;--brand-on-accent:#000000",
    );
    const hostile = themeCss({ primaryColor: "red;}</style><script>alert(1)</script>", accentColor: "#fff" });
    expect(hostile).not.toContain("<");
    expect(hostile).toContain("--brand-primary:#1f4e79");
  });
});
