-- The dispatcher's claim scans only queued and in-flight messages by due time, so its cost follows the
-- number of due rows, not the size of the communication log. (A partial index: Prisma's schema cannot
-- express one, so it lives only here.)
CREATE INDEX "Notification_active_dueAt_idx" ON "Notification" ("dueAt") WHERE "status" IN ('QUEUED', 'SENDING');
