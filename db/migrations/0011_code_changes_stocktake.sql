CREATE TABLE `box_former_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`box_id` integer NOT NULL,
	`code` text NOT NULL,
	`new_code` text NOT NULL,
	`reason` text NOT NULL,
	`changed_by` integer NOT NULL,
	`changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `box_former_codes_code_uq` ON `box_former_codes` (`code`);--> statement-breakpoint
CREATE INDEX `box_former_codes_box_idx` ON `box_former_codes` (`box_id`,`id`);--> statement-breakpoint
DROP INDEX `inspections_month_uq`;--> statement-breakpoint
ALTER TABLE `inspections` ADD `kind` text DEFAULT 'monthly' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `inspections_month_kind_uq` ON `inspections` (`month`,`kind`);