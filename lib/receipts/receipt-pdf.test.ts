import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONG_REMARK, sampleLogoPng, sampleReceipt, workLines } from "./receipt-fixture";
import { renderReceiptPdf, type Receipt } from "./receipt-pdf";

// The PDF is read back with poppler (Debian's poppler-utils), as a viewer would: what it extracts is what a
// customer can see and copy. A missing tool fails the suite rather than skipping it.
function poppler(tool: "pdftotext" | "pdfinfo" | "pdffonts", args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8" });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") {
      throw new Error(`${tool} not found: install poppler-utils (apt-get install -y poppler-utils)`);
    }
    throw error;
  }
}

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "receipt-pdf-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Word = { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number };
type Rendered = {
  bytes: Uint8Array;
  text: string;
  pages: number;
  info: string;
  fonts: string;
  words: Word[];
  page: { width: number; height: number };
};

async function render(receipt: Receipt, name: string): Promise<Rendered> {
  const bytes = await renderReceiptPdf(receipt);
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const info = poppler("pdfinfo", [file]);
  const html = poppler("pdftotext", ["-bbox", file, "-"]);
  const words: Word[] = [];
  let page = { width: 0, height: 0 };
  html
    .split(/<page /)
    .slice(1)
    .forEach((chunk, index) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk);
      page = { width: Number(size?.[1]), height: Number(size?.[2]) };
      for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        words.push({ page: index + 1, text: m[5] ?? "", xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
      }
    });
  return {
    bytes,
    // Intl separates French amounts with (narrow) no-break spaces; compare with plain ones.
    text: poppler("pdftotext", ["-enc", "UTF-8", file, "-"]).replace(/[\u00a0\u202f]/g, " "),
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    info,
    fonts: poppler("pdffonts", [file]),
    words,
    page,
  };
}

const flat = (text: string) => text.replace(/\s+/g, " ");

/** The running text without footers, running headers and page numbers, so text crossing a page reads on. */
function bodyText(rendered: Rendered): string {
  return flat(
    rendered.text
      .replace(/Des questions \? Appelez Demo Motors au \+32 9 123 45 67/g, " ")
      .replace(/Demo Motors · Votre enregistrement en ligne · A-1002 · révision 2/g, " ")
      .replace(/\b\d+ ?\/ ?\d+\b/g, " "),
  );
}

/** Pairs of words on the same page whose boxes overlap by more than rounding (half a point each way). */
function overlaps(words: Word[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const [a, b] = [words[i], words[j]] as [Word, Word];
      if (a.page !== b.page) continue;
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (x > 0.5 && y > 0.5) found.push(`p${a.page}: "${a.text}" / "${b.text}"`);
    }
  }
  return found;
}

function outsideBody(rendered: Rendered): string[] {
  const { width, height } = rendered.page;
  return rendered.words
    .filter((w) => w.xMin < 47 || w.xMax > width - 47 || w.yMin < 20 || w.yMax > height - 20)
    .map((w) => `p${w.page}: "${w.text}"`);
}

describe("renderReceiptPdf", () => {
  it("renders a realistic check-in receipt a customer can read, over several pages", async () => {
    const receipt = sampleReceipt({ dealer: { ...sampleReceipt().dealer, logoPng: await sampleLogoPng() } });
    receipt.sections.splice(1, 0, { heading: "Travaux détaillés", lines: workLines(60) });
    const rendered = await render(receipt, "realistic");

    expect(Buffer.from(rendered.bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(rendered.pages).toBeGreaterThan(1);
    for (const expected of [
      "Inès Dupont",
      "Volvo XC60 — Göteborg edition",
      "Łukasz Nowak",
      "Votre enregistrement en ligne",
      "A-1002 · révision 2",
      "188,15 €",
      "620,00 €",
      "12 345,50 €",
      "Vous pouvez modifier vos réponses jusqu'au lundi 30 novembre, 23:59.",
      "Conditions acceptées : version 1, 23 nov. 2026 18:04.",
      "Kortrijksesteenweg 1, 9000 Gent",
    ]) {
      expect(flat(rendered.text)).toContain(expected);
    }
    const footers = rendered.text.split("\n").filter((line) => line.includes("Des questions ? Appelez Demo Motors"));
    expect(footers).toHaveLength(rendered.pages);
    for (let line = 1; line <= 60; line++) expect(rendered.text).toContain(`Ligne ${line} :`);

    expect(LONG_REMARK).toHaveLength(1500);
    expect(bodyText(rendered)).toContain(flat(LONG_REMARK));

    expect(rendered.info).toMatch(/^Title:\s+Votre enregistrement en ligne – A-1002 · révision 2$/m);
    expect(rendered.info).toMatch(/^Author:\s+Demo Motors$/m);
    expect(rendered.info).toMatch(/^Creator:\s+Greenlight$/m);
    expect(rendered.info).toMatch(/^Page size:\s+595.28 x 841.89 pts \(A4\)/m);
    const fontRows = rendered.fonts.split("\n").slice(2).filter(Boolean);
    expect(fontRows.length).toBeGreaterThan(0);
    for (const row of fontRows) expect(row).toMatch(/\+Inter-(Regular|SemiBold)\s+CID TrueType\s+Identity-H\s+yes yes yes/);

    expect(overlaps(rendered.words)).toEqual([]);
    expect(outsideBody(rendered)).toEqual([]);
  });

  it("paginates 100 lines with long titles and a remark longer than a page without overlapping or cutting text", async () => {
    const endless = Array.from({ length: 90 }, (_, i) => `Phrase ${i + 1} de la très longue remarque de Łukasz.`).join(" ");
    const receipt = sampleReceipt({
      sections: [
        { heading: "Travaux", lines: workLines(100) },
        { heading: "Remarques", lines: [{ title: "Historique complet", detail: endless, grossMinor: null }] },
      ],
    });
    const rendered = await render(receipt, "hundred-lines");

    expect(rendered.pages).toBeGreaterThanOrEqual(4);
    const text = bodyText(rendered);
    for (const line of workLines(100)) {
      expect(text).toContain(line.title);
      if (line.detail) expect(text).toContain(line.detail);
    }
    for (let sentence = 1; sentence <= 90; sentence++) {
      expect(text).toContain(`Phrase ${sentence} de la très longue remarque de Łukasz.`);
    }
    expect(overlaps(rendered.words)).toEqual([]);
    expect(outsideBody(rendered)).toEqual([]);
  });

  it("prints in the dealer's chosen typeface, embedded, with names in any Latin script", async () => {
    const families = { "source-sans-3": "SourceSans3", "atkinson-hyperlegible": "AtkinsonHyperlegible", lora: "Lora" } as const;
    for (const [fontKey, family] of Object.entries(families)) {
      const base = sampleReceipt();
      const rendered = await render(
        { ...base, dealer: { ...base.dealer, fontKey }, customerName: "Łukasz Ørsted-Çelik" },
        `font-${fontKey}`,
      );
      const fontRows = rendered.fonts.split("\n").slice(2).filter(Boolean);
      expect(fontRows.length, fontKey).toBeGreaterThan(0);
      for (const row of fontRows) expect(row).toMatch(new RegExp(`\\+${family}-\\w+\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
      expect(rendered.text).toContain("Łukasz Ørsted-Çelik");
    }
  });

  it("lists the lines without any amount when the site hides prices", async () => {
    const receipt = sampleReceipt({
      sections: [{ heading: "Travaux prévus", lines: workLines(3).map((line) => ({ ...line, grossMinor: null })) }],
      totals: null,
    });
    const rendered = await render(receipt, "hidden-prices");

    expect(flat(rendered.text)).toContain("Ligne 1 : entretien");
    expect(rendered.text).not.toContain("€");
    expect(rendered.text).not.toContain("Total TTC");
    expect(rendered.pages).toBe(1);
  });

  it("formats amounts for the receipt's locale and survives a broken logo and colour", async () => {
    const base = sampleReceipt();
    const receipt = sampleReceipt({
      locale: "nl-BE",
      dealer: { ...base.dealer, logoPng: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), primaryColor: "teal" },
      sections: [{ heading: "Gepland werk", lines: [{ title: "Onderhoud", grossMinor: 18815 }] }],
      totals: [{ label: "Totaal incl. btw", valueMinor: 18815 }],
    });
    const rendered = await render(receipt, "nl-be");

    expect(rendered.text).toContain("€ 188,15");
    expect(rendered.text).toContain("Demo Motors");
    expect(overlaps(rendered.words)).toEqual([]);
  });
});
