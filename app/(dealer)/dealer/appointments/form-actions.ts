"use server";

import { redirect } from "next/navigation";
import { runDealerAction, type ActionResult } from "@/lib/auth/dealer-action";
import { CUSTOMER_HANDLERS } from "@/lib/auth/require-staff";
import { currentStaff } from "@/lib/auth/session";
import { saveAppointmentByStaff, staffAppointmentFormSchema } from "@/lib/appointments/staff-appointment-form";
import { formDataToObject } from "@/lib/form-data";

export type FormValues = Record<string, string | string[]>;
/** `attempt` changes with every answer, so the form re-mounts with the values as typed (selects included). */
export type AppointmentFormState = (ActionResult<{ id: string }> & { values: FormValues; attempt: string }) | null;

/** Create or edit an appointment on the customer's behalf; on success, to its page; else the form again, as typed. */
export async function saveAppointmentAction(_previous: AppointmentFormState, formData: FormData): Promise<AppointmentFormState> {
  const values: FormValues = Object.fromEntries(
    Object.entries(formDataToObject(formData)).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)]),
  );
  const result = await runDealerAction({
    staff: await currentStaff(),
    roles: CUSTOMER_HANDLERS,
    schema: staffAppointmentFormSchema,
    formData,
    fn: async ({ staff, input }) => saveAppointmentByStaff({ staff, form: input }),
  });
  if (result.ok) redirect(`/dealer/appointments/${result.data.id}`);
  return { ...result, values, attempt: crypto.randomUUID() };
}
