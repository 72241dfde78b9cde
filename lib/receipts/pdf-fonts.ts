import "server-only";
import path from "node:path";
import { bundledFont } from "@/lib/dealers/fonts";

/**
 * The TTFs of the dealer's typeface for its receipts (lib/dealers/fonts.ts): static @expo-google-fonts
 * files with the full Google Fonts character set. Not the @fontsource files the pages use: those are split
 * per script (latin / latin-ext), so "Łukasz" would need two fonts in one word, and fontkit (inside
 * pdfkit) breaks on WOFF2 glyphs that are built from components ("è", "Ł") when it subsets them.
 * Resolved from the working directory, like prisma/migrations: a bundler would turn require.resolve into
 * a module id rather than a path.
 */
export function receiptFontFiles(fontKey: string | null | undefined): { regular: string; semibold: string } {
  const { pdf } = bundledFont(fontKey);
  const modules = path.join(process.cwd(), "node_modules");
  return { regular: path.join(modules, pdf.regular), semibold: path.join(modules, pdf.bold) };
}
