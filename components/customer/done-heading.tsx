import type { ReactNode } from "react";

/** The top of a receipt page: a check mark, the thank-you title, and what the page adds under it. */
export function DoneHeading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section aria-labelledby="done-heading" className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-neutral-200">
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="mx-auto size-16 text-green-700"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.5"
        strokeLinecap="round"
      >
        <circle cx="12" cy="12" r="10" />
        <path d="M7 12.5l3.2 3.2L17 9" />
      </svg>
      <h1 id="done-heading" className="mt-3 text-2xl font-bold">
        {title}
      </h1>
      {children}
    </section>
  );
}
