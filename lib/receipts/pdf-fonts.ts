import "server-only";
import path from "node:path";

// Static Inter TTFs with the full Google Fonts character set. Not the @fontsource files the pages use: those
// are split per script (latin / latin-ext), so "Łukasz" would need two fonts in one word, and fontkit (inside
// pdfkit) breaks on WOFF2 glyphs that are built from components ("è", "Ł") when it subsets them.
// Resolved from the working directory, like prisma/migrations: a bundler would turn require.resolve into a
// module id rather than a path.
const INTER_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "inter");

export const INTER_REGULAR_TTF = path.join(INTER_DIR, "400Regular", "Inter_400Regular.ttf");
export const INTER_SEMIBOLD_TTF = path.join(INTER_DIR, "600SemiBold", "Inter_600SemiBold.ttf");
