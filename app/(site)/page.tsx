import type { Metadata } from "next";
import en from "@/messages/en.json";

export const metadata: Metadata = { title: en.home.metaTitle };

/**
 * The static start page. Deliberately static (no request data), so it also serves as the baseline the
 * benchmarks compare dynamic pages with.
 */
export default function HomePage() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-3xl font-bold">{en.home.title}</h1>
      <p className="mt-4 text-neutral-800">{en.home.body}</p>
      <p className="mt-6">
        <a href="/dealer" className="inline-flex min-h-11 items-center font-semibold underline underline-offset-4">
          {en.home.staff}
        </a>
      </p>
    </main>
  );
}
