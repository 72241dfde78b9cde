import { LinkNotFound } from "@/components/customer/link-not-found";

export default function CheckinNotFound() {
  return <LinkNotFound />;
}
