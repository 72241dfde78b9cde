-- CreateTable
CREATE TABLE "CustomerViewStamp" (
    "appointmentId" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CustomerViewStamp_pkey" PRIMARY KEY ("appointmentId")
);

-- AddForeignKey
ALTER TABLE "CustomerViewStamp" ADD CONSTRAINT "CustomerViewStamp_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (Prisma does not model triggers): every write of a row that the customer pages read
-- bumps the version of its appointment's customer view, so the page cache (lib/page-cache) can tell with
-- one indexed lookup whether a stored page is still what a render would produce — whoever wrote the row
-- (customer, advisor, DMS API, dispatcher, another instance).
--
-- The triggers are deferred to commit: the stamp row is locked last, after every other row the
-- transaction writes, so two transactions on one appointment cannot deadlock over it, and the version
-- moves exactly when the change becomes visible to a reader.
--
-- Arguments: how to find the appointment from the row (its own column, or through which parent), and
-- the column holding that reference.
CREATE FUNCTION "customer_view_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  refs text[];
  ref text;
  appointment text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    refs := ARRAY[to_jsonb(NEW) ->> TG_ARGV[1]];
  ELSIF TG_OP = 'DELETE' THEN
    refs := ARRAY[to_jsonb(OLD) ->> TG_ARGV[1]];
  ELSE
    -- A row moved to another parent changes both parents' pages.
    refs := ARRAY[to_jsonb(NEW) ->> TG_ARGV[1], to_jsonb(OLD) ->> TG_ARGV[1]];
  END IF;
  FOREACH ref IN ARRAY refs LOOP
    CONTINUE WHEN ref IS NULL;
    appointment := CASE TG_ARGV[0]
      WHEN 'appointment' THEN ref
      WHEN 'checkin' THEN (SELECT c."appointmentId" FROM "CheckIn" c WHERE c."id" = ref)
      WHEN 'revision' THEN (
        SELECT c."appointmentId" FROM "CheckInRevision" v JOIN "CheckIn" c ON c."id" = v."checkInId" WHERE v."id" = ref)
      WHEN 'comment' THEN (
        SELECT c."appointmentId" FROM "CheckInComment" m
        JOIN "CheckInRevision" v ON v."id" = m."revisionId" JOIN "CheckIn" c ON c."id" = v."checkInId" WHERE m."id" = ref)
      WHEN 'report' THEN (SELECT r."appointmentId" FROM "Report" r WHERE r."id" = ref)
      WHEN 'version' THEN (
        SELECT r."appointmentId" FROM "ReportVersion" v JOIN "Report" r ON r."id" = v."reportId" WHERE v."id" = ref)
      WHEN 'item' THEN (
        SELECT r."appointmentId" FROM "ReportItem" i
        JOIN "ReportVersion" v ON v."id" = i."versionId" JOIN "Report" r ON r."id" = v."reportId" WHERE i."id" = ref)
    END;
    -- A parent deleted in the same transaction (cascades) leaves nothing to bump: its own row's trigger
    -- bumped the appointment, or the appointment itself is gone with its stamp.
    IF appointment IS NOT NULL THEN
      INSERT INTO "CustomerViewStamp" ("appointmentId", "version")
      SELECT a."id", 1 FROM "Appointment" a WHERE a."id" = appointment
      ON CONFLICT ("appointmentId") DO UPDATE SET "version" = "CustomerViewStamp"."version" + 1;
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "Appointment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('appointment', 'id');
CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "AppointmentContact"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('appointment', 'appointmentId');
CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "PlannedWorkLine"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('appointment', 'appointmentId');
CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "AccessToken"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('appointment', 'appointmentId');
CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "CheckIn"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('appointment', 'appointmentId');
CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "CheckInRevision"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('checkin', 'checkInId');
CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "CheckInSelection"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('revision', 'revisionId');
CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "CheckInComment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('revision', 'revisionId');
CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "CommentAttachment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('comment', 'commentId');
CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "Report"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('appointment', 'appointmentId');
CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "ReportVersion"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('report', 'reportId');
CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "ReportDecision"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('report', 'reportId');
CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "ReportItemMessage"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('report', 'reportId');
CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "ReportItem"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('version', 'versionId');
CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "ReportLine"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('item', 'itemId');
CREATE CONSTRAINT TRIGGER "customer_view_changed" AFTER INSERT OR UPDATE OR DELETE ON "ReportItemAttachment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "customer_view_changed"('item', 'itemId');

-- Appointments that exist already start at version 1.
INSERT INTO "CustomerViewStamp" ("appointmentId", "version") SELECT "id", 1 FROM "Appointment";
