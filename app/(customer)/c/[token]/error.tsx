"use client";

import { PageError } from "@/components/customer/page-error";

export default function LinkPageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError retry={reset} />;
}
