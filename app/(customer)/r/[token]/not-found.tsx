import { LinkNotFound } from "@/components/customer/link-not-found";

export default function ReportNotFound() {
  return <LinkNotFound />;
}
