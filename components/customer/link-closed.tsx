type Props = { title: string; reason: string; whatNow: string; callLabel: string; phone: string };

/** A closed link: branded (the layout), says why, and what to do instead. */
export function LinkClosed({ title, reason, whatNow, callLabel, phone }: Props) {
  return (
    <section aria-labelledby="closed-heading" className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-neutral-200">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="mx-auto size-12 text-brand" fill="none" stroke="currentColor" strokeWidth="2">
        <rect x="5" y="11" width="14" height="10" rx="2" />
        <path d="M8 11V7a4 4 0 0 1 8 0v4" />
      </svg>
      <h1 id="closed-heading" className="mt-3 text-2xl font-bold">
        {title}
      </h1>
      <p className="mt-2 text-neutral-800">{reason}</p>
      <p className="mt-4 text-neutral-700">{whatNow}</p>
      <a
        href={`tel:${phone.replace(/[^+\d]/g, "")}`}
        className="mt-5 inline-flex min-h-12 flex-col items-center justify-center rounded-lg bg-brand px-5 py-2 font-semibold text-on-brand"
      >
        <span>{callLabel}</span>
        <span className="whitespace-nowrap text-lg">{phone}</span>
      </a>
    </section>
  );
}
