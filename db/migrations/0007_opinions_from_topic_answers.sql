-- A topic's answer used to apply to whatever comments the topic held at any time. Each existing
-- topic answer becomes one opinion that lists the comments the topic holds now (when this runs)
-- and that had no answer of their own; comments placed in the topic later are not answered by it.
INSERT OR IGNORE INTO `opinion_comments` (`comment_id`, `disposition_id`)
SELECT ca.`comment_id`, d.`id`
FROM `dispositions` d
JOIN `comment_analysis` ca ON ca.`topic_id` = d.`topic_id`
WHERE d.`topic_id` IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM `dispositions` o WHERE o.`comment_id` = ca.`comment_id`);
