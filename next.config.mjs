import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** Headers every response carries; the CSP (with a per-request nonce) is set in proxy.ts. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // scripts/server.ts compresses, outside the page cache (lib/page-cache/cached-pages.ts).
  compress: false,
  reactStrictMode: true,
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "sharp", "@node-rs/argon2"],
  experimental: {
    globalNotFound: true,
    // Pages send `Referrer-Policy: no-referrer`, so a browser's plain form post (no JavaScript) carries
    // `Origin: null`. Next would refuse it as cross-site; proxy.ts instead requires the unforgeable
    // `Sec-Fetch-Site: same-origin` for such posts, which keeps the CSRF protection.
    serverActions: { allowedOrigins: ["null"], bodySizeLimit: "1mb" },
  },
  turbopack: { root: import.meta.dirname },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The bundled typefaces (lib/dealers/fonts.ts): a changed file goes to a new folder, so a year is safe.
      { source: "/fonts/v1/:file*", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
      { source: "/c/:path*", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] },
      { source: "/r/:path*", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] },
      { source: "/dealer/:path*", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
