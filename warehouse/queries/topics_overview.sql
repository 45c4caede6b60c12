-- Question: which themes do the reports quantify most, and from how many files and regions?
SELECT topic, topic_zh, topic_en, metrics, files, regions
FROM v_topic_summary
ORDER BY metrics DESC, topic;
