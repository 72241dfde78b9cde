import type { Locale } from "@/lib/i18n/locales";

/**
 * Catalogue content of the demo dealer "Demo Motors" (Volvo and multibrand; sites in Ghent and Göteborg):
 * the optional services offered at check-in, the check-in agreement, and the welcome text, in every
 * language Greenlight speaks. Used by seed-demo.ts.
 */

export type DemoText = { title: string; description: string };

export type DemoService = {
  /** Stable identifier of the service within the demo. */
  key: string;
  /** Net price (excl. VAT) in EUR cents. */
  priceMinor: number;
  /** VAT rate in basis points (2100 = 21 %). */
  vatRateBp: number;
  /** "More information" link, or null. */
  linkUrl: string | null;
  /** Background colour (#rrggbb) of the service's generated tile image. */
  color: string;
  /** One SVG path `d` (24×24 viewBox), drawn as a white round-capped stroke on the tile. */
  glyph: string;
  /** Makes the service is offered for; empty = every make. */
  targetMakes: string[];
  texts: Record<Locale, DemoText>;
};

export const demoServices: DemoService[] = [
  {
    key: "exterior-wash",
    priceMinor: 2066, // 25.00 incl. VAT
    vatRateBp: 2100,
    linkUrl: null,
    color: "#1f6fb2",
    // A water droplet with a highlight.
    glyph: "M12 3C9 7 6 10.5 6 14a6 6 0 0 0 12 0c0-3.5-3-7-6-11z M9.5 14.5a2.5 2.5 0 0 0 2.5 2.5",
    targetMakes: [],
    texts: {
      en: {
        title: "Exterior car wash",
        description: "We wash your car by hand and dry it before you pick it up.",
      },
      fr: {
        title: "Lavage extérieur",
        description: "Nous lavons votre voiture à la main et la séchons avant que vous ne veniez la chercher.",
      },
      de: {
        title: "Außenwäsche",
        description: "Wir waschen Ihr Fahrzeug von Hand und trocknen es, bevor Sie es abholen.",
      },
      sv: {
        title: "Utvändig biltvätt",
        description: "Vi handtvättar och torkar bilen innan du hämtar den.",
      },
      nl: {
        title: "Buitenwasbeurt",
        description: "We wassen uw auto met de hand en drogen hem af voordat u hem ophaalt.",
      },
    },
  },
  {
    key: "interior-cleaning",
    priceMinor: 4876, // 59.00 incl. VAT
    vatRateBp: 2100,
    linkUrl: "https://example.com/demo-motors/interior-cleaning",
    color: "#5b4b9a",
    // A sparkle and a small glint.
    glyph: "M11 3l1.8 5.2L18 10l-5.2 1.8L11 17l-1.8-5.2L4 10l5.2-1.8z M18.5 15v5 M16 17.5h5",
    targetMakes: [],
    texts: {
      en: {
        title: "Interior cleaning",
        description: "We vacuum the seats and floor mats and clean the dashboard, door panels and inside of the windows.",
      },
      fr: {
        title: "Nettoyage intérieur",
        description:
          "Nous aspirons les sièges et les tapis, et nettoyons le tableau de bord, les panneaux de porte et l’intérieur des vitres.",
      },
      de: {
        title: "Innenreinigung",
        description: "Wir saugen Sitze und Fußmatten und reinigen Armaturenbrett, Türverkleidungen und die Scheiben von innen.",
      },
      sv: {
        title: "Invändig rengöring",
        description: "Vi dammsuger säten och mattor och rengör instrumentbräda, dörrsidor och rutornas insida.",
      },
      nl: {
        title: "Interieurreiniging",
        description: "We stofzuigen de stoelen en matten en reinigen het dashboard, de deurpanelen en de binnenkant van de ruiten.",
      },
    },
  },
  {
    key: "wiper-blades",
    priceMinor: 3719, // 45.00 incl. VAT
    vatRateBp: 2100,
    linkUrl: null,
    color: "#2f7d6d",
    // A windscreen with a wiper arm on its pivot.
    glyph: "M3 7.5c6-3 12-3 18 0L19 18c-4.7-1.3-9.3-1.3-14 0z M8 15.5L15 7.5 M8 15.5h.01",
    targetMakes: [],
    texts: {
      en: {
        title: "New wiper blades",
        description: "We fit new front wiper blades for a clear view in rain and snow.",
      },
      fr: {
        title: "Nouveaux balais d’essuie-glace",
        description: "Nous montons de nouveaux balais d’essuie-glace à l’avant pour une bonne visibilité sous la pluie et la neige.",
      },
      de: {
        title: "Neue Scheibenwischer",
        description: "Wir montieren neue Wischerblätter vorn – für klare Sicht bei Regen und Schnee.",
      },
      sv: {
        title: "Nya torkarblad",
        description: "Vi byter torkarbladen fram för fri sikt i regn och snö.",
      },
      nl: {
        title: "Nieuwe ruitenwissers",
        description: "We vervangen de ruitenwisserbladen vooraan, zodat u ook bij regen en sneeuw goed zicht hebt.",
      },
    },
  },
  {
    key: "tyre-hotel",
    priceMinor: 7355, // 89.00 incl. VAT
    vatRateBp: 2100,
    linkUrl: "https://example.com/demo-motors/tyre-hotel",
    color: "#3c4650",
    // A tyre under a roof.
    glyph: "M3 10l9-7 9 7 M5 8.5V21h14V8.5 M12 10.5a4.5 4.5 0 1 0 0 9a4.5 4.5 0 1 0 0-9z M12 13.5a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3z",
    targetMakes: [],
    texts: {
      en: {
        title: "Tyre hotel (seasonal storage)",
        description: "We swap your tyres and store the other set, cleaned and checked, until next season.",
      },
      fr: {
        title: "Hôtel à pneus (stockage saisonnier)",
        description: "Nous changeons vos pneus et stockons l’autre jeu, nettoyé et contrôlé, jusqu’à la saison suivante.",
      },
      de: {
        title: "Reifenhotel (Saisoneinlagerung)",
        description: "Wir wechseln Ihre Reifen und lagern den anderen Satz gereinigt und geprüft bis zur nächsten Saison ein.",
      },
      sv: {
        title: "Däckhotell (säsongsförvaring)",
        description: "Vi byter dina däck och förvarar den andra uppsättningen, tvättad och kontrollerad, till nästa säsong.",
      },
      nl: {
        title: "Bandenhotel (seizoensopslag)",
        description: "We wisselen uw banden en bewaren de andere set, gereinigd en gecontroleerd, tot het volgende seizoen.",
      },
    },
  },
  {
    key: "windscreen-chip-repair",
    priceMinor: 6529, // 79.00 incl. VAT
    vatRateBp: 2100,
    linkUrl: "https://example.com/demo-motors/windscreen-repair",
    color: "#1b8fa6",
    // A windscreen with a star-shaped stone chip.
    glyph: "M3 7.5c6-3 12-3 18 0L19 18c-4.7-1.3-9.3-1.3-14 0z M14 12l2.4-2.2 M14 12l3.1.7 M14 12l.7 3 M14 12l-2.8 1.3 M14 12l-1.1-2.9",
    targetMakes: [],
    texts: {
      en: {
        title: "Windscreen chip repair",
        description: "We repair small stone chips in your windscreen before they turn into a crack.",
      },
      fr: {
        title: "Réparation d’impact sur le pare-brise",
        description: "Nous réparons les petits impacts de gravillons sur votre pare-brise avant qu’ils ne se transforment en fissure.",
      },
      de: {
        title: "Steinschlagreparatur",
        description: "Wir reparieren kleine Steinschläge in der Windschutzscheibe, bevor daraus ein Riss wird.",
      },
      sv: {
        title: "Lagning av stenskott",
        description: "Vi lagar små stenskott i vindrutan innan de blir till en spricka.",
      },
      nl: {
        title: "Reparatie steenslag voorruit",
        description: "We herstellen kleine steenslagschade in uw voorruit voordat er een barst ontstaat.",
      },
    },
  },
  {
    key: "air-conditioning",
    priceMinor: 10661, // 129.00 incl. VAT
    vatRateBp: 2100,
    linkUrl: null,
    color: "#2a9fd6",
    // A snowflake.
    glyph: "M12 2v20 M3.3 7l17.4 10 M3.3 17l17.4-10 M9.5 3.5L12 5l2.5-1.5 M9.5 20.5L12 19l2.5 1.5",
    targetMakes: [],
    texts: {
      en: {
        title: "Air-conditioning service",
        description: "We check the system, top up the refrigerant and clean the air ducts, for cool and fresh air.",
      },
      fr: {
        title: "Entretien de la climatisation",
        description: "Nous contrôlons le système, complétons le fluide frigorigène et nettoyons les conduits pour un air frais et sain.",
      },
      de: {
        title: "Klimaanlagen-Service",
        description: "Wir prüfen die Anlage, füllen Kältemittel nach und reinigen die Lüftungskanäle – für kühle, frische Luft.",
      },
      sv: {
        title: "AC-service",
        description: "Vi kontrollerar systemet, fyller på köldmedium och rengör luftkanalerna för sval och frisk luft.",
      },
      nl: {
        title: "Aircoservice",
        description: "We controleren het systeem, vullen het koelmiddel bij en reinigen de luchtkanalen, voor koele en frisse lucht.",
      },
    },
  },
  {
    key: "volvo-software-update",
    priceMinor: 3223, // 39.00 incl. VAT
    vatRateBp: 2100,
    linkUrl: "https://example.com/demo-motors/volvo-software-update",
    color: "#0b3d5c",
    // A cloud with a download arrow.
    glyph: "M7 17.5a4 4 0 0 1-.6-7.95A6 6 0 0 1 17.8 9a4.25 4.25 0 0 1-.3 8.5 M12 11v9 M9 17l3 3 3-3",
    targetMakes: ["Volvo"],
    texts: {
      en: {
        title: "Volvo software update",
        description: "We install the latest Volvo software for your car’s systems. Only for Volvo cars.",
      },
      fr: {
        title: "Mise à jour logicielle Volvo",
        description: "Nous installons la dernière version du logiciel Volvo sur les systèmes de votre voiture. Uniquement pour les Volvo.",
      },
      de: {
        title: "Volvo Software-Update",
        description: "Wir installieren die neueste Volvo-Software für die Systeme Ihres Fahrzeugs. Nur für Volvo-Fahrzeuge.",
      },
      sv: {
        title: "Programuppdatering för Volvo",
        description: "Vi installerar den senaste Volvo-programvaran i bilens system. Gäller endast Volvobilar.",
      },
      nl: {
        title: "Software-update Volvo",
        description: "We installeren de nieuwste Volvo-software voor de systemen van uw auto. Alleen voor Volvo’s.",
      },
    },
  },
];

/** The dealer's online check-in agreement (version 1). Paragraphs are separated by a blank line. */
export const demoTerms: Record<Locale, { title: string; body: string }> = {
  en: {
    title: "Online check-in agreement",
    body: [
      "By confirming your online check-in at Demo Motors, you order the extra services you have selected at the prices shown, including VAT. We carry out these services during your appointment, together with the planned work.",
      "The final invoice may only differ from these prices if you agree to it first. If we find that more work is needed, or that a price has to change, your service advisor will contact you before we go ahead.",
      "Photos and remarks you add are used only to prepare your visit and to help our technicians. We do not use them for anything else.",
      "We process your personal data as described in our privacy notice, which you can read at any time via the link on this page.",
      "You can change your answers until the day before your appointment. After that, online check-in closes. If anything changes, please give us a call.",
    ].join("\n\n"),
  },
  fr: {
    title: "Conditions de l’enregistrement en ligne",
    body: [
      "En confirmant votre enregistrement en ligne chez Demo Motors, vous commandez les services supplémentaires que vous avez sélectionnés, aux prix affichés, TVA comprise. Nous réalisons ces services lors de votre rendez-vous, en même temps que les travaux prévus.",
      "La facture finale ne peut différer de ces prix qu’avec votre accord préalable. Si nous constatons que des travaux supplémentaires sont nécessaires ou qu’un prix doit changer, votre conseiller service vous contacte avant de poursuivre.",
      "Les photos et remarques que vous ajoutez servent uniquement à préparer votre visite et à aider nos techniciens. Nous ne les utilisons à aucune autre fin.",
      "Nous traitons vos données personnelles conformément à notre politique de confidentialité, que vous pouvez consulter à tout moment via le lien sur cette page.",
      "Vous pouvez modifier vos réponses jusqu’à la veille de votre rendez-vous. Ensuite, l’enregistrement en ligne est fermé. En cas de changement, n’hésitez pas à nous appeler.",
    ].join("\n\n"),
  },
  de: {
    title: "Bedingungen für den Online-Check-in",
    body: [
      "Mit der Bestätigung Ihres Online-Check-ins bei Demo Motors bestellen Sie die von Ihnen ausgewählten Zusatzleistungen zu den angezeigten Preisen inklusive MwSt. Diese Leistungen führen wir bei Ihrem Termin zusammen mit den geplanten Arbeiten aus.",
      "Die Schlussrechnung darf nur mit Ihrer vorherigen Zustimmung von diesen Preisen abweichen. Stellen wir fest, dass weitere Arbeiten nötig sind oder sich ein Preis ändert, meldet sich Ihr Serviceberater bei Ihnen, bevor wir fortfahren.",
      "Fotos und Anmerkungen, die Sie hinzufügen, verwenden wir ausschließlich, um Ihren Besuch vorzubereiten und unsere Techniker zu unterstützen. Für andere Zwecke nutzen wir sie nicht.",
      "Ihre personenbezogenen Daten verarbeiten wir gemäß unserer Datenschutzerklärung, die Sie jederzeit über den Link auf dieser Seite abrufen können.",
      "Sie können Ihre Antworten bis zum Tag vor Ihrem Termin ändern. Danach ist der Online-Check-in geschlossen. Falls sich etwas ändert, rufen Sie uns bitte an.",
    ].join("\n\n"),
  },
  sv: {
    title: "Villkor för incheckning online",
    body: [
      "När du bekräftar din incheckning online hos Demo Motors beställer du de extratjänster du har valt till de priser som visas, inklusive moms. Vi utför tjänsterna vid ditt besök, tillsammans med det planerade arbetet.",
      "Slutfakturan får bara avvika från dessa priser om du har godkänt det i förväg. Om vi ser att mer arbete behövs, eller att ett pris måste ändras, kontaktar din servicerådgivare dig innan vi går vidare.",
      "Foton och kommentarer som du lägger till används bara för att förbereda ditt besök och hjälpa våra tekniker. Vi använder dem inte till något annat.",
      "Vi behandlar dina personuppgifter enligt vår integritetspolicy, som du när som helst kan läsa via länken på den här sidan.",
      "Du kan ändra dina svar fram till dagen före ditt besök. Därefter stänger incheckningen online. Ring oss gärna om något ändras.",
    ].join("\n\n"),
  },
  nl: {
    title: "Voorwaarden voor online inchecken",
    body: [
      "Door online in te checken bij Demo Motors bestelt u de extra diensten die u hebt gekozen, tegen de getoonde prijzen inclusief btw. We voeren deze diensten uit tijdens uw afspraak, samen met de geplande werkzaamheden.",
      "De eindfactuur kan alleen van deze prijzen afwijken als u daar vooraf mee akkoord gaat. Als we merken dat er meer werk nodig is, of dat een prijs moet veranderen, neemt uw serviceadviseur contact met u op voordat we verdergaan.",
      "Foto’s en opmerkingen die u toevoegt, gebruiken we alleen om uw bezoek voor te bereiden en onze technici te helpen. We gebruiken ze voor niets anders.",
      "We verwerken uw persoonsgegevens zoals beschreven in onze privacyverklaring, die u altijd kunt lezen via de link op deze pagina.",
      "U kunt uw antwoorden wijzigen tot de dag vóór uw afspraak. Daarna sluit online inchecken. Bel ons gerust als er iets verandert.",
    ].join("\n\n"),
  },
};

/** One friendly sentence shown at the top of the check-in page. */
export const demoWelcomeText: Record<Locale, string> = {
  en: "Welcome to Demo Motors, and thank you for trusting us with your car.",
  fr: "Bienvenue chez Demo Motors, et merci de nous confier votre voiture.",
  de: "Willkommen bei Demo Motors – vielen Dank, dass Sie uns Ihr Fahrzeug anvertrauen.",
  sv: "Välkommen till Demo Motors, och tack för att du låter oss ta hand om din bil.",
  nl: "Welkom bij Demo Motors, en bedankt dat u uw auto aan ons toevertrouwt.",
};
