-- Text stored once, the fact columns of docs/fact-spec.md, stories named as such, deletions.
--
-- * dim_document holds stories: renamed dim_story; stories and sentences are keyed by (sha256, ix).
-- * The normalised text is kept once, in doc_chunk (ZSTD-compressed pieces; the view doc_text joins
--   them); dim_sentence and fact_metric keep offsets and the views cut the sentence out of it
--   (dim_sentence.text and fact_metric.sentence are gone: the same text a second and third time).
-- * fact_metric gains measure, year_from, year_to, modality and is_current / retired_at; its period
--   is a range (dim_period.period_key '2025' or '2021-2025').
-- * dim_file gains parser_version and retired_at; dim_topic the functional classification; dim_unit
--   an English gloss; ref_code lists the allowed values of every coded column.
-- Views are dropped here and re-created from warehouse/sql/views/*.sql on every load.

DROP VIEW IF EXISTS v_petitions;
DROP VIEW IF EXISTS v_region_summary;
DROP VIEW IF EXISTS v_topic_summary;
DROP VIEW IF EXISTS v_metric;

-- doc_chunk: the text in consecutive pieces of about 4000 characters that start at sentence starts,
-- so every sentence and span lies inside one piece: cutting a sentence out costs a scan of its
-- piece, not of the whole document (DuckDB counts code points from the start of a string), and
-- pieces of a few kB are ZSTD-compressed. The view doc_text puts each document back together.
CREATE TABLE doc_chunk (
    sha256 VARCHAR NOT NULL,
    chunk_ix INTEGER NOT NULL,
    char_start BIGINT NOT NULL,
    char_end BIGINT NOT NULL,
    text VARCHAR NOT NULL USING COMPRESSION zstd
);
INSERT INTO doc_chunk SELECT sha256, 0, 0, chars, text FROM doc_text;
DROP TABLE doc_text;

-- dim_story (was dim_document) and dim_sentence: keyed by (sha256, story_ix) and (sha256, sent_ix);
-- the string ids 'sha256:ix' are computed by the views, not stored (with their primary-key indexes
-- they were most of the warehouse). Uniqueness is checked by warehouse/sql/checks/keys_are_unique.sql.
CREATE TABLE dim_story (
    sha256 VARCHAR NOT NULL,
    story_ix INTEGER NOT NULL,
    kind VARCHAR,
    title VARCHAR,
    byline VARCHAR,
    char_start BIGINT,
    char_end BIGINT
);
INSERT INTO dim_story SELECT sha256, story_ix, kind, title, byline, char_start, char_end FROM dim_document;

CREATE TABLE dim_sentence_v5 (
    sha256 VARCHAR NOT NULL,
    sent_ix INTEGER NOT NULL,
    chunk_ix INTEGER NOT NULL,
    story_ix INTEGER,
    para_ix INTEGER,
    role VARCHAR,
    char_start BIGINT NOT NULL,
    char_end BIGINT NOT NULL
);
INSERT INTO dim_sentence_v5
SELECT sha256, sent_ix, 0, story_ix, para_ix, role, char_start, char_end FROM dim_sentence;

-- dim_period: year ranges.
DROP TABLE dim_period;
CREATE TABLE dim_period (
    period_key VARCHAR PRIMARY KEY,
    year_from INTEGER NOT NULL,
    year_to INTEGER NOT NULL,
    years INTEGER NOT NULL,
    label VARCHAR NOT NULL
);

-- fact_metric: the fact columns, current flag; no copy of the sentence; story and sentence by index.
CREATE TABLE fact_metric_v5 (
    metric_id VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    story_ix INTEGER,
    sent_ix INTEGER,
    period_key VARCHAR,
    unit VARCHAR,
    value DOUBLE,
    low DOUBLE,
    high DOUBLE,
    bound VARCHAR,
    span_text VARCHAR NOT NULL,
    subject VARCHAR,
    measure VARCHAR,
    topic VARCHAR,
    year_from INTEGER,
    year_to INTEGER,
    modality VARCHAR,
    region VARCHAR,
    adcode VARCHAR,
    region_level VARCHAR,
    area VARCHAR,
    char_start BIGINT NOT NULL,
    char_end BIGINT NOT NULL,
    is_current BOOLEAN NOT NULL,
    retired_at TIMESTAMP
);
INSERT INTO fact_metric_v5
SELECT f.metric_id, f.sha256, st.story_ix, s.sent_ix,
       CASE WHEN f.period_key IS NOT NULL THEN CAST(f.period_key // 100 AS VARCHAR) END,
       f.unit, f.value, f.low, f.high, f.bound, f.span_text, f.subject, NULL, f.topic,
       f.period_key // 100, f.period_key // 100, NULL, f.region, f.adcode, f.region_level, f.area,
       f.char_start, f.char_end, true, NULL
FROM fact_metric f
LEFT JOIN dim_document st ON st.document_id = f.document_id
LEFT JOIN dim_sentence s ON s.sentence_id = f.sentence_id;
DROP TABLE fact_metric;
ALTER TABLE fact_metric_v5 RENAME TO fact_metric;
DROP TABLE dim_document;
DROP TABLE dim_sentence;
ALTER TABLE dim_sentence_v5 RENAME TO dim_sentence;

ALTER TABLE dim_file ADD COLUMN parser_version VARCHAR;
ALTER TABLE dim_file ADD COLUMN retired_at TIMESTAMP;
ALTER TABLE dim_topic ADD COLUMN budget_class VARCHAR;
ALTER TABLE dim_unit ADD COLUMN gloss_en VARCHAR;

CREATE TABLE ref_code (
    table_name VARCHAR NOT NULL,
    column_name VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    meaning VARCHAR NOT NULL,
    PRIMARY KEY (table_name, column_name, code)
);
INSERT INTO ref_code VALUES
    ('fact_metric', 'modality', 'actual', 'Stated as done or as it stands.'),
    ('fact_metric', 'modality', 'target', 'Planned, expected, forecast or promised (目标, 预期, 力争, 到…年…达到 ahead of the text''s date).'),
    ('fact_metric', 'bound', 'exact', 'The number as stated.'),
    ('fact_metric', 'bound', 'approx', 'About (约, 近, 左右, 余).'),
    ('fact_metric', 'bound', 'at_least', 'At least (超过, 以上, 逾).'),
    ('fact_metric', 'bound', 'at_most', 'At most (不超过, 以下, 以内).'),
    ('fact_metric', 'region_level', 'province', 'Province-level division (incl. 直辖市, 自治区, 香港, 澳门, 台湾).'),
    ('fact_metric', 'region_level', 'city', 'Prefecture-level division.'),
    ('fact_metric', 'region_level', 'county', 'County-level division (县, 区, 县级市).'),
    ('dim_sentence', 'role', 'headline', 'A story''s headline.'),
    ('dim_sentence', 'role', 'subheadline', 'A sub-headline.'),
    ('dim_sentence', 'role', 'byline', 'Reporter, source or date line.'),
    ('dim_sentence', 'role', 'body', 'Body text.'),
    ('dim_sentence', 'role', 'caption', 'Photo caption.'),
    ('dim_sentence', 'role', 'teaser', 'Teaser block linking to another story.'),
    ('dim_story', 'kind', 'article', 'A story with headline and body.'),
    ('dim_story', 'kind', 'teaser', 'A teaser block.'),
    ('dim_file', 'script', 'simplified', 'The raw text was Simplified Chinese.'),
    ('dim_file', 'script', 'traditional', 'The raw text was Traditional Chinese (converted to Simplified).'),
    ('audit_load_run', 'status', 'loaded', 'The run loaded its new and changed files.'),
    ('audit_load_run', 'status', 'nothing-new', 'Every raw file was already loaded unchanged.'),
    ('audit_load_run', 'status', 'blocked', 'A blocking expectation failed; nothing was loaded.'),
    ('audit_load_run', 'status', 'failed', 'The run failed; nothing was loaded.'),
    ('audit_file_run', 'action', 'new', 'Path and content never seen before.'),
    ('audit_file_run', 'action', 'changed', 'Known path, new content: the old version''s facts were replaced.'),
    ('audit_file_run', 'action', 'renamed', 'Known content at a new path: path recorded, no duplicate facts.'),
    ('audit_file_run', 'action', 'reloaded', 'Known path and content loaded again (identical rows).'),
    ('audit_file_run', 'action', 'deleted', 'The path is gone from the raw directory the run was given; facts no path holds any more are retired.'),
    ('audit_validation', 'severity', 'block', 'A failure blocks the whole load.'),
    ('audit_validation', 'severity', 'quarantine', 'Failing rows are held back in quarantine_metric.'),
    ('audit_validation', 'severity', 'warn', 'A failure is reported only.');

COMMENT ON TABLE ref_code IS 'Allowed values of the coded columns (topic and unit codes are in dim_topic and dim_unit).';
COMMENT ON COLUMN ref_code.table_name IS 'Table of the coded column (views expose the same codes).';
COMMENT ON COLUMN ref_code.column_name IS 'Coded column.';
COMMENT ON COLUMN ref_code.code IS 'An allowed value.';
COMMENT ON COLUMN ref_code.meaning IS 'What the value means.';

COMMENT ON TABLE doc_chunk IS 'The normalised Simplified text of each file version, stored once (ZSTD), in consecutive pieces that start at sentence starts; the view doc_text joins them back. Offsets everywhere are into the whole text.';
COMMENT ON COLUMN doc_chunk.sha256 IS 'File version (dim_file.sha256).';
COMMENT ON COLUMN doc_chunk.chunk_ix IS '0-based order of the piece in the text.';
COMMENT ON COLUMN doc_chunk.char_start IS 'Offset of the piece in the whole text (0-based, inclusive).';
COMMENT ON COLUMN doc_chunk.char_end IS 'End of the piece in the whole text (exclusive); the next piece starts here.';
COMMENT ON COLUMN doc_chunk.text IS 'The piece: substr(whole text, char_start + 1, char_end - char_start).';

COMMENT ON TABLE dim_story IS 'One story on a page (headline, byline, body, captions; or a teaser block). Was dim_document.';
COMMENT ON COLUMN dim_story.sha256 IS 'File version holding the story (dim_file.sha256).';
COMMENT ON COLUMN dim_story.story_ix IS '0-based order of the story on the page; (sha256, story_ix) is the key (views show story_id = sha256 || '':'' || story_ix).';
COMMENT ON COLUMN dim_story.kind IS 'article or teaser (ref_code).';
COMMENT ON COLUMN dim_story.title IS 'Headline, may be null.';
COMMENT ON COLUMN dim_story.byline IS 'Byline (reporter, source, date line), may be null.';
COMMENT ON COLUMN dim_story.char_start IS 'Start offset of the story in doc_text.text (0-based, inclusive).';
COMMENT ON COLUMN dim_story.char_end IS 'End offset of the story in doc_text.text (exclusive).';

COMMENT ON TABLE dim_sentence IS 'One sentence of a file version (split at 。！？；and paragraph ends; headlines and captions are their own sentences), as offsets into doc_text.';
COMMENT ON COLUMN dim_sentence.sha256 IS 'File version (dim_file.sha256).';
COMMENT ON COLUMN dim_sentence.chunk_ix IS 'Piece of doc_chunk holding the whole sentence: its text is substr(chunk.text, char_start - chunk.char_start + 1, char_end - char_start).';
COMMENT ON COLUMN dim_sentence.story_ix IS 'Story of the sentence (dim_story.story_ix).';
COMMENT ON COLUMN dim_sentence.para_ix IS '0-based paragraph index within the file.';
COMMENT ON COLUMN dim_sentence.sent_ix IS '0-based sentence index within the file; (sha256, sent_ix) is the key.';
COMMENT ON COLUMN dim_sentence.role IS 'headline, subheadline, byline, body, caption or teaser (ref_code).';
COMMENT ON COLUMN dim_sentence.char_start IS 'Start offset in doc_text.text (0-based, inclusive).';
COMMENT ON COLUMN dim_sentence.char_end IS 'End offset in doc_text.text (exclusive); the sentence is substr(text, char_start + 1, char_end - char_start).';

COMMENT ON TABLE dim_period IS 'The year ranges facts refer to (rebuilt from the facts on every load).';
COMMENT ON COLUMN dim_period.period_key IS 'year_from, or year_from || ''-'' || year_to for a range (e.g. 2025, 2021-2025).';
COMMENT ON COLUMN dim_period.year_from IS 'First calendar year of the period.';
COMMENT ON COLUMN dim_period.year_to IS 'Last calendar year of the period (= year_from for one year).';
COMMENT ON COLUMN dim_period.years IS 'Number of calendar years: year_to - year_from + 1.';
COMMENT ON COLUMN dim_period.label IS 'Human label, e.g. 2025年 or 2021—2025年.';

COMMENT ON TABLE fact_metric IS 'One metric stated in one sentence (docs/metric-spec.md) and what it is about (docs/fact-spec.md), with provenance offsets into doc_text.';
COMMENT ON COLUMN fact_metric.metric_id IS 'Natural key: sha256[:16] || '':'' || char_start || '':'' || char_end (unique: checks/keys_are_unique.sql).';
COMMENT ON COLUMN fact_metric.sha256 IS 'File version the metric was read from (dim_file, doc_text).';
COMMENT ON COLUMN fact_metric.story_ix IS 'Story holding the metric: dim_story (sha256, story_ix).';
COMMENT ON COLUMN fact_metric.sent_ix IS 'Sentence holding the metric: dim_sentence (sha256, sent_ix).';
COMMENT ON COLUMN fact_metric.period_key IS 'The years the metric refers to (dim_period), null when nothing tells.';
COMMENT ON COLUMN fact_metric.unit IS 'Canonical unit (dim_unit).';
COMMENT ON COLUMN fact_metric.value IS 'The metric in its unit, multipliers applied (16.1万人次 -> 161000); for a range the low end.';
COMMENT ON COLUMN fact_metric.low IS 'Low end of a range; equals value otherwise.';
COMMENT ON COLUMN fact_metric.high IS 'High end of a range; equals value otherwise.';
COMMENT ON COLUMN fact_metric.bound IS 'exact, approx, at_least or at_most (ref_code).';
COMMENT ON COLUMN fact_metric.span_text IS 'The span exactly as it stands in the normalised text, e.g. 近20名.';
COMMENT ON COLUMN fact_metric.subject IS 'What is counted, a short noun phrase (fact-spec subject: 群众困难诉求, 地区生产总值), may be null.';
COMMENT ON COLUMN fact_metric.measure IS 'What happened to the subject (fact-spec measure: 收集, 办结, 增长, 达到...), may be null.';
COMMENT ON COLUMN fact_metric.topic IS 'Topic code of the metric (dim_topic), decided per metric: clause, then sentence, then story.';
COMMENT ON COLUMN fact_metric.year_from IS 'First calendar year the metric refers to (not the publication year): an explicit year in its clause, the review year (Y-1) of a work report of year Y, the first year of a multi-year review (十四五 -> 2021), X of X年以来; null when nothing tells.';
COMMENT ON COLUMN fact_metric.year_to IS 'Last calendar year the metric refers to: equal to year_from for one year, the end of a multi-year span (十四五 -> 2025), the publication year for X年以来, the target year for 到2027年; null exactly when year_from is null.';
COMMENT ON COLUMN fact_metric.modality IS 'actual (stated as done or as it stands) or target (planned, expected, promised); ref_code.';
COMMENT ON COLUMN fact_metric.region IS 'Name of the most specific division (county level or above) the metric is about: its sentence, else story, else page; null when unknown or spanning several.';
COMMENT ON COLUMN fact_metric.adcode IS 'Six-digit GB/T 2260 code of region (dim_region), null when region is null.';
COMMENT ON COLUMN fact_metric.region_level IS 'province, city or county (ref_code).';
COMMENT ON COLUMN fact_metric.area IS 'Finer place (街道/镇/乡/村/社区) the metric''s own sentence names and the metric is about, may be null.';
COMMENT ON COLUMN fact_metric.char_start IS 'Start of the span in doc_text.text (0-based code points, inclusive).';
COMMENT ON COLUMN fact_metric.char_end IS 'End of the span in doc_text.text (exclusive).';
COMMENT ON COLUMN fact_metric.is_current IS 'False once no path in the raw directory holds the file version (retired; minsheng prune removes it). Views show current facts.';
COMMENT ON COLUMN fact_metric.retired_at IS 'When the fact was retired (UTC), null while current.';

COMMENT ON COLUMN dim_file.path IS 'Absolute path the file was last loaded from (a rename updates it; all paths are in file_path).';
COMMENT ON COLUMN dim_file.is_current IS 'True while some path holds this version; false once every path holding it changed content or disappeared.';
COMMENT ON COLUMN dim_file.parser_version IS 'Version of the parse rules (transforms.parse.PARSER_VERSION) this version was parsed with; older versions are re-parsed.';
COMMENT ON COLUMN dim_file.retired_at IS 'When the last path holding this version disappeared from its raw directory (UTC), else null.';
COMMENT ON COLUMN file_path.path IS 'Absolute (resolved) path of a raw file, so runs from different working directories never collide.';
COMMENT ON COLUMN dim_topic.budget_class IS 'Chapter(s) of the national functional classification of government expenditure (政府收支分类科目, 支出功能分类) the topic is tied to: 205 = 教育支出; a range 215-217 or a list 204,224; null for other.';
COMMENT ON COLUMN dim_unit.gloss_en IS 'English gloss of the unit, e.g. person-times.';
COMMENT ON COLUMN dim_unit.base_unit IS 'Unit that values of this kind convert to (people: 人 is the base of 名, 位, 口人).';
COMMENT ON COLUMN audit_file_run.action IS 'new, changed, renamed, reloaded or deleted (ref_code).';
COMMENT ON COLUMN audit_file_run.path IS 'Absolute path it was read from (or that disappeared).';
