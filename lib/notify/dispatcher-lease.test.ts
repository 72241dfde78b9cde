import { describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer } from "@/test/fixtures";
import { db } from "@/lib/db";
import { dispatchOnce } from "@/lib/notify/dispatcher";
import { enqueue } from "@/lib/notify/outbox";
import type { Channel } from "@/lib/notify/types";

withMigratedDatabase();

describe("dispatcher lease", () => {
  it("does not send a row whose lease it lost while the row waited in its local queue", async () => {
    const dealer = await makeDealer("lease-hazard");
    const t0 = new Date();
    for (let i = 0; i < 3; i++) {
      await db().$transaction((tx) =>
        enqueue(tx, {
          dealerId: dealer.id,
          kind: "TEST",
          channel: "EMAIL",
          recipient: `r${i}@example.com`,
          dueAt: new Date(t0.getTime() - 1000 + i),
        }),
      );
    }
    const sends: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    const slowA: Channel = async (m) => {
      sends.push(`A:${m.recipient}`);
      if (first) {
        first = false;
        await gate; // A's first send hangs past the lease
      }
      return { providerMessageId: "a" };
    };
    const fastB: Channel = async (m) => {
      sends.push(`B:${m.recipient}`);
      return { providerMessageId: "b" };
    };
    const never: Channel = async () => ({ providerMessageId: null });
    // A claims all three with a 1 s lease and sends one at a time.
    const a = dispatchOnce({
      workerId: "A",
      concurrency: 1,
      leaseMs: 1000,
      channels: { EMAIL: slowA, SMS: never, WEBHOOK: never },
      now: () => t0,
    });
    while (sends.length === 0) await new Promise((r) => setTimeout(r, 10));
    // 2 s later the leases have run out: B takes the rows over and sends them.
    await dispatchOnce({ workerId: "B", channels: { EMAIL: fastB, SMS: never, WEBHOOK: never }, now: () => new Date(t0.getTime() + 2000) });
    release();
    await a;
    // r0 was in flight at A when B took it (a duplicate at-least-once allows); r1 and r2 were not yet
    // started by A, and B had sent them, so A should not send them again.
    expect(sends.filter((s) => s.startsWith("A:"))).toEqual(["A:r0@example.com"]);
  });
});
