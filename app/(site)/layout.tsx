import type { ReactNode } from "react";
import "@/app/globals.css";
import { FontPreload } from "@/components/shared/font-preload";

/** Root layout of Greenlight's own static pages. */
export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <FontPreload fontKey="inter" />
      </head>
      <body className="min-h-dvh bg-neutral-50 font-sans text-neutral-900 antialiased">{children}</body>
    </html>
  );
}
