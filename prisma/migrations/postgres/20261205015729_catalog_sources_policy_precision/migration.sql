-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'active',
ADD COLUMN     "statusSince" TEXT;

-- AlterTable
ALTER TABLE "AttributeValue" ADD COLUMN     "asOf" TEXT,
ADD COLUMN     "reviewDue" TEXT;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "type" TEXT NOT NULL DEFAULT 'reference';

-- AlterTable
ALTER TABLE "CatalogChange" ADD COLUMN     "revertOf" TEXT;


-- Written by hand: sources stored before they had a type get one from their host where it is
-- obvious (the same judgement as lib/catalog/source-hosts.ts, coarser); the rest keep the default
-- "reference" (the lowest tier), so their values are flagged until an editor classifies them.
UPDATE "Source" SET "type" = CASE
    WHEN "url" LIKE '%://avalon.law.yale.edu/%' OR "url" LIKE '%://eur-lex.europa.eu/%'
      OR "url" LIKE '%://treaties.un.org/%' OR "url" LIKE '%austlii.edu.au/%'
      OR "url" LIKE '%legislation.gov.uk/%' THEN 'legal-text'
    WHEN "url" LIKE '%parliament.uk/%' OR "url" LIKE '%aph.gov.au/%' OR "url" LIKE '%europarl.europa.eu/%'
      OR "url" LIKE '%congress.gov/%' OR "url" LIKE '%loc.gov/%' OR "url" LIKE '%history.state.gov/%' THEN 'research'
    WHEN "url" LIKE '%.edu/%' THEN 'academic'
    WHEN "url" LIKE '%.gov/%' OR "url" LIKE '%.gov.__/%' OR "url" LIKE '%.int/%' OR "url" LIKE '%.mil/%'
      OR "url" LIKE '%://un.org/%' OR "url" LIKE '%.un.org/%' OR "url" LIKE '%europa.eu/%'
      OR "url" LIKE '%asean.org/%' OR "url" LIKE '%osce.org/%' OR "url" LIKE '%.go.jp/%'
      OR "url" LIKE '%.gouv.fr/%' OR "url" LIKE '%.govt.nz/%' THEN 'official'
    WHEN "url" LIKE '%reuters.com/%' OR "url" LIKE '%apnews.com/%' OR "url" LIKE '%bbc.co%' THEN 'press'
    ELSE 'reference'
END;
