CREATE INDEX `boxes_retention_end_idx` ON `boxes` (date("retention_start", '+' || (CASE "retention_class" WHEN 'y30' THEN 30 WHEN 'y10' THEN 10 ELSE "retention_years" END) || ' years'),`status`);--> statement-breakpoint
CREATE INDEX `loans_requested_idx` ON `loans` (`requested_at`);
