/** A check-in section's heading with its step number (the number is decoration; the words carry it). */
export function StepHeading({ id, step, children }: { id: string; step: number; children: string }) {
  return (
    <h2 id={id} className="text-lg font-semibold">
      <span aria-hidden="true" className="mr-2 inline-flex size-7 items-center justify-center rounded-full bg-brand text-sm text-on-brand">
        {step}
      </span>
      {children}
    </h2>
  );
}
