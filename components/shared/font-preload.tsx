import { bundledFont } from "@/lib/dealers/fonts";

/**
 * Preloads one bundled typeface's regular and semibold (lib/dealers/fonts.ts); app/globals.css declares
 * them all, and a face the page does not use is never fetched.
 */
export function FontPreload({ fontKey }: { fontKey: string | null | undefined }) {
  return bundledFont(fontKey).preload.map((href) => (
    <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossOrigin="" />
  ));
}
