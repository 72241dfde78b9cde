import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { CheckinView } from "@/lib/checkin/get-checkin-by-token";
import { StepHeading } from "@/components/customer/step-heading";

const dateTimeFormat = { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" } as const;

type Props = {
  view: CheckinView;
  /** What the customer corrected on this page (shown instead of what we hold, marked as updated). */
  corrected?: { email: string | null; phone: string | null };
  /** The form to correct them, where the page allows it. */
  children?: ReactNode;
};

/** Section 1 of the check-in: when and where, the car, and who we will contact. */
export function AppointmentDetails({ view, corrected, children }: Props) {
  const t = useTranslations("checkin");
  const format = useFormatter();
  const { appointment, vehicle, contact, brand } = view;
  const when = (date: Date) => format.dateTime(date, { ...dateTimeFormat, timeZone: brand.site.timeZone });
  const car = [vehicle.make, vehicle.model].filter(Boolean).join(" ");

  return (
    <section aria-labelledby="appointment-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-neutral-200">
      <StepHeading id="appointment-heading" step={1}>
        {t("sectionAppointment")}
      </StepHeading>
      <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-2">
        <Row term={t("date")} value={when(appointment.startsAt)} />
        <Row term={t("site")} value={`${brand.site.name}, ${brand.site.addressLine}, ${brand.site.city}`} />
        {appointment.dropOffAt && <Row term={t("dropOff")} value={when(appointment.dropOffAt)} />}
        {appointment.pickUpAt && <Row term={t("pickUp")} value={when(appointment.pickUpAt)} />}
      </dl>

      <h3 className="mt-5 font-semibold">{t("car")}</h3>
      <dl className="mt-2 grid grid-cols-1 gap-y-2">
        {car && <Row term={t("model")} value={car} />}
        {vehicle.modelYear && <Row term={t("modelYear")} value={String(vehicle.modelYear)} />}
        {vehicle.registration && <Row term={t("registration")} value={vehicle.registration} />}
        {vehicle.mileageKm !== null && <Row term={t("mileage")} value={t("mileageValue", { km: vehicle.mileageKm })} />}
      </dl>

      {contact && (
        <>
          <h3 className="mt-5 font-semibold">{t("you")}</h3>
          <dl className="mt-2 grid grid-cols-1 gap-y-2">
            <Row term={t("name")} value={`${contact.firstName} ${contact.lastName}`} />
            {corrected?.email ? (
              <Row term={t("email")} value={`${corrected.email} (${t("contact.updated")})`} />
            ) : (
              contact.email && <Row term={t("email")} value={contact.email} />
            )}
            {corrected?.phone ? (
              <Row term={t("phone")} value={`${corrected.phone} (${t("contact.updated")})`} />
            ) : (
              contact.phone && <Row term={t("phone")} value={contact.phone} />
            )}
          </dl>
          {children}
        </>
      )}
    </section>
  );
}

function Row({ term, value }: { term: string; value: string }) {
  return (
    <div className="flex flex-col sm:flex-row sm:gap-4">
      <dt className="text-sm text-neutral-600 sm:w-36">{term}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
