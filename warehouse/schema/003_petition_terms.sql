-- Word list for v_petitions, kept as data in the warehouse (editable by a later migration) rather
-- than literals inside the view: which sentences report petitions, which parts count as resolved.

CREATE TABLE ref_petition_term (
    term VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    PRIMARY KEY (term, kind)
);
COMMENT ON TABLE ref_petition_term IS 'Words that mark petition metrics (kind petition), resolved parts (resolved) and open parts (pending).';
COMMENT ON COLUMN ref_petition_term.term IS 'A word searched for in a sentence or in the words just before a metric.';
COMMENT ON COLUMN ref_petition_term.kind IS 'petition: the whole counts petitions/complaints; resolved: the part was settled; pending: still open.';

INSERT INTO ref_petition_term VALUES
    ('诉求', 'petition'), ('信访', 'petition'), ('投诉', 'petition'), ('求助', 'petition'),
    ('来访', 'petition'), ('来信', 'petition'), ('热线', 'petition'), ('矛盾纠纷', 'petition'),
    ('办结', 'resolved'), ('解决', 'resolved'), ('化解', 'resolved'), ('答复', 'resolved'),
    ('调解成功', 'resolved'), ('回复', 'resolved'), ('处置', 'resolved'),
    ('跟办', 'pending'), ('在办', 'pending'), ('办理中', 'pending'), ('未办结', 'pending'),
    ('转办', 'pending'), ('督办', 'pending');
