"use client";

import en from "@/messages/en.json";

/** Last resort when a root layout itself fails: plain, self-contained, no framework error text. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <h1>{en.errors.title}</h1>
        <p>{en.errors.body}</p>
        <button type="button" onClick={reset}>
          {en.errors.retry}
        </button>
      </body>
    </html>
  );
}
