import "server-only";
import type { Brand } from "@/lib/dealers/get-brand";
import type { Receipt } from "@/lib/receipts/receipt-pdf";
import { getPublicAsset } from "@/lib/uploads/brand-assets";

/** The dealer's block of any receipt: name, theme colour and font, PNG logo (pdfkit draws PNG and JPEG), site. */
export async function receiptDealer(brand: Brand): Promise<Receipt["dealer"]> {
  const logo = brand.logoUrl ? await getPublicAsset(brand.logoUrl.split("/").pop() ?? "") : null;
  return {
    name: brand.dealerName,
    primaryColor: brand.primaryColor,
    fontKey: brand.fontKey,
    logoPng: logo && logo.contentType === "image/png" ? new Uint8Array(logo.bytes) : null,
    siteName: brand.site.name,
    address: `${brand.site.addressLine}, ${brand.site.postalCode} ${brand.site.city}`,
    phone: brand.site.phone,
  };
}
