import type { ReactNode } from "react";
import { welcomeTextFor, type Brand } from "@/lib/dealers/get-brand";

type Props = { brand: Brand; locale: string; children: ReactNode };

/**
 * The top of a check-in or report page: the dealer's welcome image and, under the page's own greeting
 * (children), the welcome text written in the theme editor, in the page's language or the dealer's.
 */
export function DealerWelcome({ brand, locale, children }: Props) {
  const text = welcomeTextFor(brand, locale);
  return (
    <div>
      {brand.welcomeImageUrl && (
        // eslint-disable-next-line @next/next/no-img-element -- served by the app itself, already sized by sharp
        <img src={brand.welcomeImageUrl} alt="" className="mb-4 aspect-[16/7] w-full rounded-xl object-cover" />
      )}
      {children}
      {text && (
        <p className="mt-2 whitespace-pre-line text-neutral-800" data-testid="welcome-text">
          {text}
        </p>
      )}
    </div>
  );
}
