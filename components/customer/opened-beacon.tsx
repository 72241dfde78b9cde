"use client";

import { useEffect } from "react";

type Props = { token: string; action: (previous: unknown, formData: FormData) => Promise<unknown> };

/** How long the page must be visible before it counts as read without any interaction. */
const VISIBLE_MS = 4000;

/**
 * Tells the server a person has the page open: on a first touch, key or scroll, or after a few seconds
 * of the page being visible. Link scanners fetch the HTML without running it, and the headless ones that
 * run it leave within a second or two, so neither counts as "opened". Renders nothing.
 */
export function OpenedBeacon({ token, action }: Props) {
  useEffect(() => {
    let sent = false;
    const events = ["pointerdown", "keydown", "scroll"] as const;
    const send = () => {
      if (sent) return;
      sent = true;
      stop();
      const data = new FormData();
      data.set("token", token);
      void action(null, data).catch(() => undefined);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      if (document.visibilityState === "visible") timer = setTimeout(send, VISIBLE_MS);
    };
    const stop = () => {
      clearTimeout(timer);
      events.forEach((name) => window.removeEventListener(name, send));
      document.removeEventListener("visibilitychange", arm);
    };
    events.forEach((name) => window.addEventListener(name, send, { once: true, passive: true }));
    document.addEventListener("visibilitychange", arm);
    arm();
    return stop;
  }, [token, action]);
  return null;
}
