"use client";

import { useId } from "react";

type Props = { label: string; value: string; hint: string };

/**
 * A key or secret the server returned this once: in a read-only field that selects itself for copying,
 * with the warning that it will not be shown again. It has no `name`, so no later post sends it back.
 */
export function ApiShownOnce({ label, value, hint }: Props) {
  const id = useId();
  return (
    <div className="rounded border-2 border-amber-600 bg-amber-50 p-3">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <input
        id={id}
        readOnly
        value={value}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        onFocus={(event) => event.currentTarget.select()}
        className="mt-1 block min-h-11 w-full rounded border border-neutral-400 bg-white px-3 font-mono text-sm"
      />
      <p id={`${id}-hint`} className="mt-1 text-sm text-neutral-800">
        {hint}
      </p>
    </div>
  );
}
