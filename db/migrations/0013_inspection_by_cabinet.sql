CREATE TABLE `inspection_parts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inspection_id` integer NOT NULL,
	`cabinet_id` integer NOT NULL,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`started_by` integer NOT NULL,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cabinet_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_parts_uq` ON `inspection_parts` (`inspection_id`,`cabinet_id`);--> statement-breakpoint
ALTER TABLE `inspection_items` ADD `cabinet_id` integer REFERENCES locations(id);--> statement-breakpoint
ALTER TABLE `inspection_items` ADD `found_in_id` integer REFERENCES locations(id);--> statement-breakpoint
ALTER TABLE `inspections` ADD `by_cabinet` integer DEFAULT false NOT NULL;