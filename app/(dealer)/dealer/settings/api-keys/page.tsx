import { permanentRedirect } from "next/navigation";

/** api-v1.md names this address for creating keys; the keys live beside the webhooks on /dealer/settings/api. */
export default function ApiKeysPage() {
  permanentRedirect("/dealer/settings/api");
}
