import sharp from "sharp";
import type { Receipt, ReceiptLine } from "./receipt-pdf";

/** A small two-colour PNG with transparency, like a dealer logo after the upload pipeline. */
export function sampleLogoPng(): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="120">
    <rect x="4" y="4" width="352" height="112" rx="24" fill="#0b6e4f"/>
    <circle cx="64" cy="60" r="36" fill="#f2a900"/>
    <rect x="120" y="44" width="210" height="32" rx="8" fill="#ffffff"/>
  </svg>`;
  return sharp(Buffer.from(svg))
    .png()
    .toBuffer()
    .then((png) => new Uint8Array(png));
}

export const LONG_REMARK = Array.from(
  { length: 12 },
  (_, i) => `Remarque ${i + 1} : bruit de frottement à l'avant gauche en freinant, surtout à froid le matin près de Göteborg.`,
)
  .join(" ")
  .padEnd(1500, " Merci.")
  .slice(0, 1500);

export function workLines(count: number): ReceiptLine[] {
  return Array.from({ length: count }, (_, i) => ({
    title:
      i % 7 === 3
        ? `Ligne ${i + 1} : remplacement des plaquettes et des disques de frein avant, contrôle du liquide de frein et essai routier complet`
        : `Ligne ${i + 1} : entretien`,
    detail: i % 5 === 0 ? `Détail ${i + 1} : pièces d'origine, garantie deux ans` : null,
    quantity: i % 4 === 0 ? "1,5 h" : null,
    grossMinor: 1000 + i * 137,
  }));
}

export function sampleReceipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    locale: "fr",
    currency: "EUR",
    dealer: {
      name: "Demo Motors",
      primaryColor: "#0b6e4f",
      logoPng: null,
      siteName: "Demo Motors Gent",
      address: "Kortrijksesteenweg 1, 9000 Gent",
      phone: "+32 9 123 45 67",
    },
    title: "Votre enregistrement en ligne",
    reference: "A-1002 · révision 2",
    customerName: "Inès Dupont",
    facts: [
      { label: "Rendez-vous", value: "mardi 1 décembre 2026, 08:30" },
      { label: "Véhicule", value: "Volvo XC60 — Göteborg edition" },
      { label: "Immatriculation", value: "1-ABC-123" },
      { label: "Conseiller", value: "Łukasz Nowak" },
    ],
    sections: [
      {
        heading: "Travaux prévus",
        lines: [
          { title: "Entretien annuel", detail: "Vidange, filtres, contrôle 40 points", quantity: "1", grossMinor: 18815 },
          { title: "Pneus hiver", detail: null, quantity: "4", grossMinor: 62000 },
        ],
      },
      { heading: "Options choisies", lines: [{ title: "Lavage intérieur", grossMinor: 2500 }] },
      { heading: "Remarques", lines: [{ title: "Bruit au freinage", detail: LONG_REMARK, grossMinor: null }] },
    ],
    totals: [
      { label: "Total HT", valueMinor: 69268 },
      { label: "TVA 21 %", valueMinor: 14547 },
      { label: "Total TTC", valueMinor: 1234550 },
    ],
    notes: [
      "Vous pouvez modifier vos réponses jusqu'au lundi 30 novembre, 23:59.",
      "Conditions acceptées : version 1, 23 nov. 2026 18:04.",
    ],
    footer: "Des questions ? Appelez Demo Motors au +32 9 123 45 67",
    ...overrides,
  };
}
