-- Deprecated alias: dim_document was renamed dim_story (migration 005); kept so older queries and
-- exports keep working.
CREATE OR REPLACE VIEW dim_document AS
SELECT sha256 || ':' || story_ix AS document_id, sha256, story_ix, kind, title, byline, char_start, char_end FROM dim_story;
COMMENT ON VIEW dim_document IS 'Deprecated alias of dim_story (renamed in schema version 5): use dim_story.';
COMMENT ON COLUMN dim_document.document_id IS 'sha256 || '':'' || story_ix of dim_story.';
COMMENT ON COLUMN dim_document.sha256 IS 'dim_story.sha256.';
COMMENT ON COLUMN dim_document.story_ix IS 'dim_story.story_ix.';
COMMENT ON COLUMN dim_document.kind IS 'dim_story.kind.';
COMMENT ON COLUMN dim_document.title IS 'dim_story.title.';
COMMENT ON COLUMN dim_document.byline IS 'dim_story.byline.';
COMMENT ON COLUMN dim_document.char_start IS 'dim_story.char_start.';
COMMENT ON COLUMN dim_document.char_end IS 'dim_story.char_end.';
