"use client";

import { createContext, useContext, type ReactNode } from "react";

export type PageErrorTexts = { title: string; body: string; retry: string };

const PageErrorTextsContext = createContext<PageErrorTexts | null>(null);

/**
 * The error page's three sentences, translated on the server by the customer layout. Customer pages ship
 * no i18n runtime to the browser (next-intl's client part is ~12 KB gzip, more than all of the check-in
 * page's own islands, bench/customer-js.ts): islands get their texts as props, and this one — an error
 * boundary, which cannot take props from a server component — from this context.
 */
export function PageErrorTextsProvider({ texts, children }: { texts: PageErrorTexts; children: ReactNode }) {
  return <PageErrorTextsContext value={texts}>{children}</PageErrorTextsContext>;
}

/** Shown inside the dealer's layout (header and phone number stay) when a page fails unexpectedly. */
export function PageError({ retry }: { retry: () => void }) {
  // Outside the provider (never on a customer page) the English texts still say what happened.
  const t = useContext(PageErrorTextsContext) ?? {
    title: "Something went wrong",
    body: "Sorry, we could not show this page just now. Please try again in a moment.",
    retry: "Try again",
  };
  return (
    <section aria-labelledby="error-heading" role="alert" className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-neutral-200">
      <h1 id="error-heading" className="text-2xl font-bold">
        {t.title}
      </h1>
      <p className="mt-3 text-neutral-800">{t.body}</p>
      <button type="button" onClick={retry} className="mt-5 min-h-12 rounded-lg bg-brand px-5 font-semibold text-on-brand">
        {t.retry}
      </button>
    </section>
  );
}
