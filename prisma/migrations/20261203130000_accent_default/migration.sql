-- A new dealer's accent: a deep amber with 3:1 on white for the focus ring (lib/dealers/theme.ts); the
-- brighter #f2a900 read 2:1. Existing dealers keep theirs; the theme editor flags it until changed.
-- AlterTable
ALTER TABLE "Dealer" ALTER COLUMN "accentColor" SET DEFAULT '#b45309';

