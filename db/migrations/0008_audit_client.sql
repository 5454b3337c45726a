ALTER TABLE `audit_log` ADD `client_address` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `client_name` text;