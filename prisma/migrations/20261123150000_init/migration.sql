-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('ADMIN', 'ADVISOR', 'MECHANIC', 'MARKETING');

-- CreateEnum
CREATE TYPE "NotifyChannel" AS ENUM ('EMAIL', 'SMS', 'BOTH');

-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('REQUESTED', 'SCHEDULED', 'CANCELLED', 'FINALIZED');

-- CreateEnum
CREATE TYPE "ServiceType" AS ENUM ('MAINTENANCE', 'REPAIR', 'BOTH', 'OTHER');

-- CreateEnum
CREATE TYPE "ContactRole" AS ENUM ('DRIVER', 'OWNER', 'CONTRACTOR');

-- CreateEnum
CREATE TYPE "WorkLineSource" AS ENUM ('DMS', 'STAFF', 'CHECKIN', 'REPORT');

-- CreateEnum
CREATE TYPE "CheckInState" AS ENUM ('NOT_APPLICABLE', 'SCHEDULED', 'SENT', 'OPENED', 'SUBMITTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ReportState" AS ENUM ('DRAFT', 'SENT', 'OPENED', 'RESPONDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ReportCategory" AS ENUM ('PLANNED', 'NECESSARY', 'RECOMMENDED', 'OK');

-- CreateEnum
CREATE TYPE "ReportDecisionValue" AS ENUM ('APPROVED', 'DECLINED', 'CONTACT');

-- CreateEnum
CREATE TYPE "Authorization" AS ENUM ('UP', 'DOWN');

-- CreateEnum
CREATE TYPE "MessageAuthor" AS ENUM ('CUSTOMER', 'STAFF');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('CHECKIN', 'REPORT');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('CHECKIN_INVITATION', 'CHECKIN_REMINDER', 'REPORT', 'APPOINTMENT_CONFIRMATION', 'APPOINTMENT_REMINDER', 'WEBHOOK', 'TEST');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'SMS', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AssetKind" AS ENUM ('IMAGE', 'VIDEO', 'LOGO');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('CUSTOMER', 'STAFF', 'API', 'SYSTEM');

-- CreateTable
CREATE TABLE "Dealer" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "defaultLocale" TEXT NOT NULL DEFAULT 'en',
    "primaryColor" TEXT NOT NULL DEFAULT '#1f4e79',
    "accentColor" TEXT NOT NULL DEFAULT '#f2a900',
    "fontKey" TEXT NOT NULL DEFAULT 'inter',
    "logoAssetId" TEXT,
    "welcomeImageAssetId" TEXT,
    "welcomeText" JSONB,
    "privacyUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dealer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Site" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "addressLine" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "showPrices" BOOLEAN NOT NULL DEFAULT true,
    "checkinEnabled" BOOLEAN NOT NULL DEFAULT true,
    "checkinWindowDays" INTEGER NOT NULL DEFAULT 3,
    "checkinSendTime" TEXT NOT NULL DEFAULT '19:00',
    "checkinChannel" "NotifyChannel" NOT NULL DEFAULT 'EMAIL',
    "reminderDaysBefore" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "staffUserId" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "status" "AppointmentStatus" NOT NULL DEFAULT 'SCHEDULED',
    "serviceType" "ServiceType" NOT NULL DEFAULT 'MAINTENANCE',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "dropOffAt" TIMESTAMP(3),
    "pickUpAt" TIMESTAMP(3),
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "workOrderRef" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "vehicleVin" TEXT,
    "vehicleRegistration" TEXT,
    "vehicleMake" TEXT,
    "vehicleModel" TEXT,
    "vehicleModelYear" INTEGER,
    "vehicleMileageKm" INTEGER,
    "requestedServiceMileageKm" INTEGER,
    "lastServiceMileageKm" INTEGER,
    "lastServiceDate" TIMESTAMP(3),
    "preferredDates" JSONB,
    "dropOffPreference" TEXT,
    "proposalExpiresAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "finalizedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppointmentSnapshot" (
    "id" TEXT NOT NULL,
    "appointmentId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppointmentSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppointmentContact" (
    "id" TEXT NOT NULL,
    "appointmentId" TEXT NOT NULL,
    "role" "ContactRole" NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "locale" TEXT NOT NULL,

    CONSTRAINT "AppointmentContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlannedWorkLine" (
    "id" TEXT NOT NULL,
    "appointmentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "code" TEXT,
    "title" TEXT NOT NULL,
    "remarks" TEXT,
    "quantityMilli" INTEGER NOT NULL,
    "unitPriceMinor" INTEGER NOT NULL,
    "vatRateBp" INTEGER NOT NULL,
    "source" "WorkLineSource" NOT NULL DEFAULT 'DMS',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlannedWorkLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OptionalService" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "priceMinor" INTEGER NOT NULL,
    "vatRateBp" INTEGER NOT NULL,
    "linkUrl" TEXT,
    "imageAssetId" TEXT,
    "targetMakes" TEXT[],
    "targetModels" TEXT[],
    "targetSiteIds" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OptionalService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OptionalServiceText" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "OptionalServiceText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TermsVersion" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TermsVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "appointmentId" TEXT NOT NULL,
    "state" "CheckInState" NOT NULL DEFAULT 'SCHEDULED',
    "recipientRole" "ContactRole",
    "channel" "NotificationChannel",
    "sendAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "currentRevision" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckInRevision" (
    "id" TEXT NOT NULL,
    "checkInId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "termsVersionId" TEXT,
    "termsAcceptedAt" TIMESTAMP(3),
    "ip" TEXT,
    "userAgent" TEXT,
    "correctedEmail" TEXT,
    "correctedPhone" TEXT,
    "netMinor" INTEGER NOT NULL DEFAULT 0,
    "vatMinor" INTEGER NOT NULL DEFAULT 0,
    "grossMinor" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckInRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckInSelection" (
    "id" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "optionalServiceId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "quantityMilli" INTEGER NOT NULL DEFAULT 1000,
    "unitPriceMinor" INTEGER NOT NULL,
    "vatRateBp" INTEGER NOT NULL,
    "handled" BOOLEAN NOT NULL DEFAULT false,
    "handledAt" TIMESTAMP(3),
    "convertedLineId" TEXT,

    CONSTRAINT "CheckInSelection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckInComment" (
    "id" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "visibleToMechanics" BOOLEAN NOT NULL DEFAULT false,
    "handled" BOOLEAN NOT NULL DEFAULT false,
    "handledAt" TIMESTAMP(3),
    "convertedLineId" TEXT,

    CONSTRAINT "CheckInComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentAttachment" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "visibleToMechanics" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CommentAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "appointmentId" TEXT NOT NULL,
    "state" "ReportState" NOT NULL DEFAULT 'DRAFT',
    "draftVersion" INTEGER NOT NULL DEFAULT 1,
    "publishedVersion" INTEGER,
    "answeredVersion" INTEGER,
    "advisorName" TEXT,
    "sentAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "finalComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportVersion" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "note" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportItem" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "category" "ReportCategory" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "visible" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ReportItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportLine" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "quantityMilli" INTEGER NOT NULL,
    "unitPriceMinor" INTEGER NOT NULL,
    "vatRateBp" INTEGER NOT NULL,

    CONSTRAINT "ReportLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportItemAttachment" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "visibleToMechanics" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ReportItemAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportDecision" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "decision" "ReportDecisionValue",
    "reason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedOnVersion" INTEGER,
    "remindAt" TIMESTAMP(3),
    "authorization" "Authorization",
    "authorizedAt" TIMESTAMP(3),
    "authorizedById" TEXT,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "snoozedUntil" TIMESTAMP(3),

    CONSTRAINT "ReportDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportItemMessage" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "author" "MessageAuthor" NOT NULL,
    "staffUserId" TEXT,
    "body" TEXT NOT NULL,
    "visibleToMechanics" BOOLEAN NOT NULL DEFAULT false,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportItemMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessToken" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "appointmentId" TEXT NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "recipientRole" "ContactRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "appointmentId" TEXT,
    "kind" "NotificationKind" NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'QUEUED',
    "recipient" TEXT NOT NULL,
    "recipientRole" "ContactRole",
    "locale" TEXT,
    "subject" TEXT,
    "bodyText" TEXT NOT NULL,
    "bodyHtml" TEXT,
    "payload" JSONB,
    "webhookEndpointId" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "leaseUntil" TIMESTAMP(3),
    "leasedBy" TEXT,
    "lastError" TEXT,
    "providerMessageId" TEXT,
    "sentAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Asset" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "kind" "AssetKind" NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "thumbnailKey" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "sha256" TEXT NOT NULL,
    "public" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Asset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "appointmentId" TEXT,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "type" TEXT NOT NULL,
    "data" JSONB,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Dealer_slug_key" ON "Dealer"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Site_dealerId_slug_key" ON "Site"("dealerId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE INDEX "StaffUser_dealerId_idx" ON "StaffUser"("dealerId");

-- CreateIndex
CREATE INDEX "Session_staffUserId_idx" ON "Session"("staffUserId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_dealerId_idx" ON "ApiKey"("dealerId");

-- CreateIndex
CREATE INDEX "Appointment_dealerId_startsAt_idx" ON "Appointment"("dealerId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_siteId_startsAt_idx" ON "Appointment"("siteId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_dealerId_externalId_key" ON "Appointment"("dealerId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "AppointmentSnapshot_appointmentId_version_key" ON "AppointmentSnapshot"("appointmentId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "AppointmentContact_appointmentId_role_key" ON "AppointmentContact"("appointmentId", "role");

-- CreateIndex
CREATE INDEX "PlannedWorkLine_appointmentId_position_idx" ON "PlannedWorkLine"("appointmentId", "position");

-- CreateIndex
CREATE INDEX "OptionalService_dealerId_active_position_idx" ON "OptionalService"("dealerId", "active", "position");

-- CreateIndex
CREATE UNIQUE INDEX "OptionalServiceText_serviceId_locale_key" ON "OptionalServiceText"("serviceId", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "TermsVersion_dealerId_locale_version_key" ON "TermsVersion"("dealerId", "locale", "version");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_appointmentId_key" ON "CheckIn"("appointmentId");

-- CreateIndex
CREATE INDEX "CheckIn_dealerId_state_idx" ON "CheckIn"("dealerId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "CheckInRevision_checkInId_number_key" ON "CheckInRevision"("checkInId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "CheckInSelection_revisionId_optionalServiceId_key" ON "CheckInSelection"("revisionId", "optionalServiceId");

-- CreateIndex
CREATE UNIQUE INDEX "Report_appointmentId_key" ON "Report"("appointmentId");

-- CreateIndex
CREATE INDEX "Report_dealerId_state_idx" ON "Report"("dealerId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "ReportVersion_reportId_number_key" ON "ReportVersion"("reportId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ReportItem_versionId_key_key" ON "ReportItem"("versionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ReportDecision_reportId_itemKey_key" ON "ReportDecision"("reportId", "itemKey");

-- CreateIndex
CREATE INDEX "ReportItemMessage_reportId_itemKey_createdAt_idx" ON "ReportItemMessage"("reportId", "itemKey", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AccessToken_tokenHash_key" ON "AccessToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccessToken_appointmentId_purpose_idx" ON "AccessToken"("appointmentId", "purpose");

-- CreateIndex
CREATE INDEX "Notification_status_dueAt_idx" ON "Notification"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Notification_dealerId_appointmentId_createdAt_idx" ON "Notification"("dealerId", "appointmentId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_dealerId_idx" ON "WebhookEndpoint"("dealerId");

-- CreateIndex
CREATE UNIQUE INDEX "Asset_storageKey_key" ON "Asset"("storageKey");

-- CreateIndex
CREATE INDEX "Asset_dealerId_idx" ON "Asset"("dealerId");

-- CreateIndex
CREATE INDEX "AuditEvent_dealerId_appointmentId_createdAt_idx" ON "AuditEvent"("dealerId", "appointmentId", "createdAt");

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentSnapshot" ADD CONSTRAINT "AppointmentSnapshot_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentContact" ADD CONSTRAINT "AppointmentContact_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedWorkLine" ADD CONSTRAINT "PlannedWorkLine_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptionalService" ADD CONSTRAINT "OptionalService_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptionalServiceText" ADD CONSTRAINT "OptionalServiceText_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "OptionalService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermsVersion" ADD CONSTRAINT "TermsVersion_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInRevision" ADD CONSTRAINT "CheckInRevision_checkInId_fkey" FOREIGN KEY ("checkInId") REFERENCES "CheckIn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInSelection" ADD CONSTRAINT "CheckInSelection_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "CheckInRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInComment" ADD CONSTRAINT "CheckInComment_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "CheckInRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentAttachment" ADD CONSTRAINT "CommentAttachment_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "CheckInComment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentAttachment" ADD CONSTRAINT "CommentAttachment_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportItem" ADD CONSTRAINT "ReportItem_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ReportVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportLine" ADD CONSTRAINT "ReportLine_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ReportItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportItemAttachment" ADD CONSTRAINT "ReportItemAttachment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ReportItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportItemAttachment" ADD CONSTRAINT "ReportItemAttachment_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportDecision" ADD CONSTRAINT "ReportDecision_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportItemMessage" ADD CONSTRAINT "ReportItemMessage_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

