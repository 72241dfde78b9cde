import type { Metadata } from "next";
import Link from "next/link";
import "@/app/globals.css";
import { FontPreload } from "@/components/shared/font-preload";
import en from "@/messages/en.json";

export const metadata: Metadata = { title: en.notFound.metaTitle, robots: { index: false, follow: false } };

/** Any URL that matches no route: the same neutral message as an unknown link. */
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <head>
        <FontPreload fontKey="inter" />
      </head>
      <body className="min-h-dvh bg-neutral-50 font-sans text-neutral-900 antialiased">
        <main className="mx-auto max-w-xl px-4 py-16 text-center">
          <h1 className="text-2xl font-bold">{en.notFound.title}</h1>
          <p className="mt-3">{en.notFound.body}</p>
          <p className="mt-6">
            <Link href="/" className="underline">
              {en.notFound.home}
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
