import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** Value imports of a module (type-only imports never reach the browser). */
function valueImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)";/gms)].map((m) => m[1]!);
}

function resolveLocal(specifier: string): string | null {
  if (!specifier.startsWith("@/")) return null;
  const base = path.join(root, specifier.slice(2));
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** Every package a client component pulls into the browser, through the app's own modules. */
function packagesReached(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      const local = resolveLocal(specifier);
      if (local) visit(local);
      else if (!specifier.startsWith(".")) packages.add(specifier);
    }
  };
  visit(entry);
  return packages;
}

/**
 * The customer's phone downloads what client components import (issue 5: ≤ 15 KB of scripts over a
 * minimal page, measured by `npm run bench:js`). zod alone is ~30 KB gzip: a shared constant imported
 * from a schema module once shipped it to every check-in page. Validation stays on the server.
 */
describe("client components", () => {
  const clientComponents = files(path.join(root, "components")).filter((file) => /^["']use client["']/.test(readFileSync(file, "utf8")));

  it("exist (the scan reads the right folder)", () => {
    expect(clientComponents.length).toBeGreaterThan(5);
  });

  it.each(clientComponents.map((file) => [path.relative(root, file), file]))("%s does not ship zod or server-only code", (_name, file) => {
    const reached = packagesReached(file);
    expect([...reached].filter((name) => name === "zod" || name === "server-only" || name.startsWith("@prisma"))).toEqual([]);
  });
});
