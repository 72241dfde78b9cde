// Resolves `server-only` to an empty module for scripts run outside Next.js.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
);
