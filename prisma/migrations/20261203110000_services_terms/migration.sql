-- Written by hand (no change to the Prisma schema; Prisma does not model triggers): what a customer
-- agreed to stays exactly as they agreed to it, whichever code path or tool writes to the database.
--
-- 1. A published terms version is never edited in place: each confirmed check-in names the version it
--    accepted (CheckInRevision.termsVersionId), so changing its text would change what the customer
--    accepted. A change is a new version (lib/terms/terms-admin.ts). Deleting stays possible, for the
--    cascade when a dealer is removed.
CREATE FUNCTION "terms_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a published terms version is never changed; publish a new version instead'
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "terms_version_immutable" BEFORE UPDATE ON "TermsVersion"
  FOR EACH ROW EXECUTE FUNCTION "terms_version_immutable"();

-- 2. A service chosen in a confirmed answer keeps the title, price, VAT rate and quantity it was
--    confirmed with, whatever later happens to the service (CheckInSelection is the snapshot). The
--    advisor's handling (handled, converted to a job) is not part of the snapshot and may change; an
--    unconfirmed draft is priced again on confirmation (lib/checkin/price-draft.ts).
CREATE FUNCTION "confirmed_selection_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "CheckInRevision" r WHERE r."id" = OLD."revisionId" AND r."submittedAt" IS NOT NULL) THEN
    RAISE EXCEPTION 'a confirmed check-in selection keeps what the customer confirmed'
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "confirmed_selection_immutable" BEFORE UPDATE ON "CheckInSelection"
  FOR EACH ROW
  WHEN (OLD."title" IS DISTINCT FROM NEW."title"
     OR OLD."unitPriceMinor" IS DISTINCT FROM NEW."unitPriceMinor"
     OR OLD."vatRateBp" IS DISTINCT FROM NEW."vatRateBp"
     OR OLD."quantityMilli" IS DISTINCT FROM NEW."quantityMilli"
     OR OLD."optionalServiceId" IS DISTINCT FROM NEW."optionalServiceId"
     OR OLD."revisionId" IS DISTINCT FROM NEW."revisionId")
  EXECUTE FUNCTION "confirmed_selection_immutable"();
