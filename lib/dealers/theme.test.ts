import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BUNDLED_FONTS } from "@/lib/dealers/fonts";
import { checkTheme, contrastRatio, DEFAULT_THEME, readableTextOn, themeCss } from "@/lib/dealers/theme";

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
    expect(themeCss({ primaryColor: "#0b3d5c", accentColor: "#b45309", fontKey: "lora" })).toBe(
      `--brand-primary:#0b3d5c;--brand-on-primary:#ffffff;--brand-accent:#b45309;--brand-on-accent:#ffffff;--brand-font:${BUNDLED_FONTS.lora.stack}`,
    );
    const hostile = themeCss({ primaryColor: "red;}</style><script>alert(1)</script>", accentColor: "#fff", fontKey: "x;}</style>" });
    expect(hostile).not.toContain("<");
    expect(hostile).toContain("--brand-primary:#1f4e79");
    expect(hostile).toContain(`--brand-font:${BUNDLED_FONTS.inter.stack}`);
  });

  it("refuses a primary colour too light for text and an accent too faint for the focus ring, on white and on the page's grey", () => {
    expect(checkTheme(DEFAULT_THEME).problems).toEqual([]);
    // The schema's old default accent, amber: 2.01:1 on white.
    expect(checkTheme({ primaryColor: "#1f4e79", accentColor: "#f2a900" }).problems).toEqual(["accentOnPage"]);
    // #767676 is the lightest grey with 4.5:1 on white, but on #fafafa it reads 4.3:1.
    expect(checkTheme({ primaryColor: "#767676", accentColor: "#1f4e79" }).problems).toEqual(["primaryOnPage"]);
    expect(checkTheme({ primaryColor: "#ffd700", accentColor: "#ffff00" }).problems).toEqual(["primaryOnPage", "accentOnPage"]);
  });

  it("always finds a text colour with AA contrast on any brand colour (at least 4.58:1)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const color = `#${n.toString(16).padStart(6, "0")}`;
        const { onPrimary } = checkTheme({ primaryColor: color, accentColor: color });
        expect(onPrimary.ratio).toBeGreaterThanOrEqual(4.58);
        expect(onPrimary.ratio).toBeCloseTo(contrastRatio(color, onPrimary.color), 10);
      }),
    );
  });
});
