import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BackOfficeHeader } from "@/components/dealer/back-office-header";
import { AppointmentSnapshotView } from "@/components/dealer/appointment-snapshot";
import { getAppointmentHistory } from "@/lib/appointments/appointment-history";
import { CUSTOMER_HANDLERS, requireStaffPage } from "@/lib/auth/require-staff";
import { signOutAction } from "../../../actions";
import { isUuid } from "@/lib/ids";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> };

export async function generateMetadata() {
  const t = await getTranslations("dealer.history");
  return { title: t("title") };
}

/** Every version of the appointment, and the chosen one as it was then. */
export default async function AppointmentHistoryPage({ params, searchParams }: Props) {
  const staff = await requireStaffPage(CUSTOMER_HANDLERS);
  const { id } = await params;
  const requested = Number((await searchParams).version);
  if (!isUuid(id)) notFound();
  const history = await getAppointmentHistory({
    id,
    dealerId: staff.dealerId,
    version: Number.isInteger(requested) && requested > 0 ? requested : undefined,
  });
  if (!history) notFound();
  const [t, format, locale] = await Promise.all([getTranslations("dealer.history"), getFormatter(), getLocale()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "medium", timeZone: history.timeZone });
  return (
    <>
      <BackOfficeHeader staff={staff} signOut={signOutAction} />
      <main className="mx-auto grid max-w-6xl gap-6 px-4 py-6 md:grid-cols-[16rem_1fr]">
        <div className="md:col-span-2">
          <p>
            <a href={`/dealer/appointments/${id}`} className="underline">
              {t("back", { externalId: history.externalId })}
            </a>
          </p>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
        </div>
        <nav aria-label={t("versions")}>
          <ol className="space-y-1">
            {history.entries.map((entry) => (
              <li key={entry.version}>
                <a
                  href={`?version=${entry.version}`}
                  aria-current={history.selected?.version === entry.version ? "page" : undefined}
                  className={`block rounded px-3 py-2 ${history.selected?.version === entry.version ? "bg-neutral-900 text-white" : "bg-white ring-1 ring-neutral-200"}`}
                >
                  <span className="font-semibold">{t("version", { version: entry.version })}</span>
                  <span className="block text-sm">{when(entry.createdAt)}</span>
                  <span className="block text-sm">{entry.actorName ?? t(`actor.${entry.actorType}`)}</span>
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <section aria-labelledby="snapshot-heading">
          {history.selected ? (
            <>
              <h2 id="snapshot-heading" className="text-lg font-semibold">
                {t("asItWas", { version: history.selected.version, time: when(history.selected.createdAt) })}
              </h2>
              <AppointmentSnapshotView snapshot={history.selected.data} timeZone={history.timeZone} locale={locale} />
            </>
          ) : (
            <p id="snapshot-heading">{t("none")}</p>
          )}
        </section>
      </main>
    </>
  );
}
