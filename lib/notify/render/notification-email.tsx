import "server-only";
import { Fragment, type CSSProperties } from "react";
import { Body, Button, Container, Head, Heading, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";
import { isHexColor, readableTextOn } from "@/lib/dealers/theme";
import type { MessageBrand } from "@/lib/notify/render/message-context";
import type { EmailTexts } from "@/lib/notify/render/message-texts";

export type NotificationEmailProps = { locale: string; texts: EmailTexts; brand: MessageBrand };

/** The schema's default, for a colour that somehow is not #rrggbb. */
const FALLBACK_PRIMARY = "#1f4e79";
const INK = "#1a1a1a";
const MUTED = "#555555";

/**
 * Every customer e-mail: the dealer's logo and colour, one message, one button. Only the logo is
 * loaded from elsewhere (the app's own /brand route), so nothing tracks the reader. Every string is
 * rendered as text by React, so names, notes and a dealer's own wording cannot inject markup.
 */
export function NotificationEmail({ locale, texts, brand }: NotificationEmailProps) {
  const primary = isHexColor(brand.primaryColor) ? brand.primaryColor : FALLBACK_PRIMARY;
  const { site } = brand;
  return (
    <Html lang={locale} dir="ltr">
      <Head />
      <Preview>{texts.preview}</Preview>
      <Body style={styles.body}>
        <Container style={{ ...styles.container, borderTop: `4px solid ${primary}` }}>
          {brand.logoUrl && <Img src={brand.logoUrl} alt={texts.logoAlt} height="48" style={styles.logo} />}
          <Heading as="h1" style={styles.heading}>
            {texts.heading}
          </Heading>
          <Text style={styles.text}>{texts.greeting}</Text>
          {texts.body.map((lines, index) => (
            <Text key={index} style={styles.text}>
              {lines.map((line, at) => (
                <Fragment key={at}>
                  {at > 0 && <br />}
                  {line}
                </Fragment>
              ))}
            </Text>
          ))}
          {texts.note && (
            <Section style={{ ...styles.note, borderLeft: `4px solid ${primary}` }}>
              <Text style={styles.noteLabel}>{texts.note.label}</Text>
              <Text style={styles.noteText}>{texts.note.text}</Text>
            </Section>
          )}
          {texts.button && (
            <Section style={styles.buttonRow}>
              <Button href={texts.button.url} style={{ ...styles.button, backgroundColor: primary, color: readableTextOn(primary) }}>
                {texts.button.label}
              </Button>
            </Section>
          )}
          {texts.personalLink && <Text style={styles.small}>{texts.personalLink}</Text>}
          <Text style={styles.text}>{texts.questions}</Text>
          <Text style={styles.text}>
            {texts.signOff}
            <br />
            {brand.dealerName}
          </Text>
          <Hr style={styles.hr} />
          <Text style={styles.footer}>
            {`${brand.dealerName} · ${site.name}`}
            <br />
            {`${site.addressLine}, ${site.postalCode} ${site.city}`}
            <br />
            <Link href={`tel:${telHref(site.phone)}`} style={styles.footerLink}>
              {site.phone}
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** "+32 2 000 00 00" → "+3220000000": dialers ignore formatting, some mail clients break on it. */
function telHref(phone: string): string {
  return phone.replace(/[^+\d]/g, "");
}

const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

const styles = {
  body: { backgroundColor: "#f4f4f5", margin: 0, padding: "24px 0", fontFamily: font },
  container: { backgroundColor: "#ffffff", maxWidth: "560px", margin: "0 auto", padding: "24px", borderRadius: "8px" },
  logo: { display: "block", height: "48px", width: "auto", maxWidth: "100%", marginBottom: "16px" },
  heading: { color: INK, fontSize: "24px", lineHeight: "32px", fontWeight: 700, margin: "0 0 16px" },
  text: { color: INK, fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" },
  note: { backgroundColor: "#f4f4f5", padding: "12px 16px", margin: "0 0 16px" },
  noteLabel: { color: MUTED, fontSize: "14px", lineHeight: "20px", fontWeight: 600, margin: "0 0 4px" },
  noteText: { color: INK, fontSize: "16px", lineHeight: "24px", margin: 0, whiteSpace: "pre-line" },
  buttonRow: { margin: "8px 0 24px" },
  // 48 px tall: a comfortable tap target on a phone.
  button: {
    display: "inline-block",
    fontSize: "16px",
    lineHeight: "20px",
    fontWeight: 600,
    textDecoration: "none",
    borderRadius: "6px",
    padding: "14px 28px",
  },
  small: { color: MUTED, fontSize: "14px", lineHeight: "20px", margin: "0 0 16px" },
  hr: { borderColor: "#e4e4e7", margin: "24px 0 16px" },
  footer: { color: MUTED, fontSize: "14px", lineHeight: "20px", margin: 0 },
  footerLink: { color: MUTED, textDecoration: "underline" },
} satisfies Record<string, CSSProperties>;
