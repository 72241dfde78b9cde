import "server-only";
import { z } from "zod";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const staffInputSchema = z.object({
  dealerId: z.string().min(1),
  email: z.email().transform((v) => v.toLowerCase()),
  name: z.string().trim().min(1).max(120),
  role: z.enum(["ADMIN", "ADVISOR", "MECHANIC", "MARKETING"]),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024).optional(),
});

export type StaffInput = z.input<typeof staffInputSchema>;

/**
 * Creates a staff member. Without a password a one-time one is generated and returned, to be handed
 * over once; only its argon2id hash is stored.
 */
export async function createStaff(tx: Tx, input: StaffInput, actor: AuditActor = { type: "SYSTEM" }) {
  const data = staffInputSchema.parse(input);
  const existing = await tx.staffUser.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) throw new AppError("conflict", `A staff member with e-mail ${data.email} already exists.`);
  const password = data.password ?? generatePassword();
  const staff = await tx.staffUser.create({
    data: { dealerId: data.dealerId, email: data.email, name: data.name, role: data.role, passwordHash: await hashPassword(password) },
    select: { id: true, email: true, role: true },
  });
  await writeAudit(tx, { dealerId: data.dealerId, actor, event: { type: "staff.created", staffUserId: staff.id, role: staff.role } });
  return { ...staff, password: data.password ? null : password };
}
