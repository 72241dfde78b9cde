import type { ReactNode } from "react";
import "@/app/globals.css";
import { inter } from "@/app/fonts";

/** Root layout of Greenlight's own static pages. */
export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh bg-neutral-50 font-sans text-neutral-900 antialiased">{children}</body>
    </html>
  );
}
