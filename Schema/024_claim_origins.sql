-- 024_claim_origins.sql: FactArchive schema version 24.
--
-- Where the claim a check reviews came from, as other publishers' markup gives it: who made
-- it (ClaimReview itemReviewed.author, the Fact Check Tools API's claimant), when
-- (itemReviewed.datePublished, the API's claimDate), and where it appeared (itemReviewed's
-- firstAppearance and appearance, an old CreativeWork item's url). NULL and no rows for
-- Factually pages and for reviews that do not say. Checks stored before this migration get
-- them when `factarchive reparse --outdated` reads their documents again (parser version 6).
-- Two publishers' checks of claims that appeared at the same address review the same claim,
-- however each words it: the later is an other verdict on the earlier.

ALTER TABLE checks ADD COLUMN claimant TEXT;    -- who made the claim ('Social media posts', a politician's name); NULL when not given
ALTER TABLE checks ADD COLUMN claim_date TEXT;  -- YYYY-MM-DD the claim was made or first seen; NULL when not given

-- The addresses at which the claim appeared, the first appearance first.
CREATE TABLE claim_appearances (
  check_id         INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,                 -- 1-based order
  url              TEXT NOT NULL,
  url_key          TEXT NOT NULL,                    -- the address as appearances are compared: scheme, www., tracking parameters and fragment dropped, x.com as twitter.com, youtu.be as youtube.com (WebAddress.matchKey)
  first_appearance INTEGER NOT NULL DEFAULT 0        -- 1 when the review names it as the claim's first appearance
    CHECK (first_appearance IN (0, 1)),
  PRIMARY KEY (check_id, position)
) WITHOUT ROWID;

-- Checks whose claims appeared at the same address, however it was linked: another
-- publisher's check of one is an other verdict on the other (other_verdicts, score 1,
-- sharing the address).
CREATE INDEX claim_appearances_by_key ON claim_appearances (url_key);

-- A search for an address also lists the sources saved from it (sources.url), which was
-- read by scanning the table.
CREATE INDEX sources_by_url ON sources (url) WHERE url IS NOT NULL;
