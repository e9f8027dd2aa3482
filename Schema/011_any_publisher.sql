-- 011_any_publisher.sql: FactArchive schema version 11.
--
-- Any publisher's article, whole: other publishers' fact-checks keep their headline, their
-- reporters (never as the publisher), the language and where their date came from; each
-- rating gets a normalised class beside the publisher's own words; citations that are links
-- in an article's text keep their anchor text; sources keep the address, language and
-- last-modified day their page gives.
--
-- The rating classes of checks stored before this migration are worked out by the library
-- in the same transaction (from `rating`, with its multilingual lexicon).

-- Other publishers' fact-checks.
ALTER TABLE checks ADD COLUMN title TEXT;               -- the article's headline, when it differs from the question; NULL for Factually pages
ALTER TABLE checks ADD COLUMN rating_class TEXT         -- the rating normalised: false, mostly_false, mixed, mostly_true, true, unproven, other; NULL without a rating
  CHECK (rating_class IS NULL OR rating_class IN ('false', 'mostly_false', 'mixed', 'mostly_true', 'true', 'unproven', 'other'));
ALTER TABLE checks ADD COLUMN rating_value REAL;        -- reviewRating.ratingValue when it is a number
ALTER TABLE checks ADD COLUMN rating_worst REAL;        -- its scale's worstRating, when given
ALTER TABLE checks ADD COLUMN rating_best REAL;         -- its scale's bestRating, when given
ALTER TABLE checks ADD COLUMN language TEXT;            -- the page's or review's language as given ('es', 'pt-BR'); NULL when unknown
ALTER TABLE checks ADD COLUMN date_source TEXT          -- where checked_on came from for an imported review: date_published, date_modified (no datePublished) or page (neither: the page's own date); NULL for a 'Checked on' line
  CHECK (date_source IS NULL OR date_source IN ('date_published', 'date_modified', 'page'));
CREATE INDEX checks_by_rating_class ON checks (rating_class, due_on) WHERE superseded = 0 AND rating_class IS NOT NULL;

-- The people who wrote a check (an article's byline, a review's Person authors).
CREATE TABLE check_reporters (
  check_id INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,                         -- 1-based order in the byline
  name     TEXT NOT NULL,
  PRIMARY KEY (check_id, position)
) WITHOUT ROWID;

-- A citation that is a link in an article's text: the link's words.
ALTER TABLE citation_spans ADD COLUMN anchor_text TEXT; -- NULL for a '[n]' marker

-- Citations with the sentence each supports, and now the link's words and address.
DROP VIEW citations;
CREATE VIEW citations (id, check_id, position, ref_number, sentence, anchor_text, url) AS
SELECT ct.id, ct.check_id, ct.position, ct.ref_number,
       substr(s.body, ct.sentence_start + 1, ct.sentence_length), ct.anchor_text, cs.url
FROM citation_spans AS ct
JOIN summaries AS s ON s.check_id = ct.check_id AND s.position = ct.position
LEFT JOIN citation_sources AS cs ON cs.check_id = ct.check_id AND cs.ref_number = ct.ref_number;

-- Sources from web pages.
ALTER TABLE sources ADD COLUMN modified_on TEXT;        -- 'YYYY-MM-DD' the page says it was last changed
ALTER TABLE sources ADD COLUMN language TEXT;           -- the page's language as given ('fr', 'zh-CN')
ALTER TABLE sources ADD COLUMN url TEXT;                -- the page's own (canonical) address
