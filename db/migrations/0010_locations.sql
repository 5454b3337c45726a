CREATE TABLE `locations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`seq` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `locations_parent_idx` ON `locations` (`parent_id`,`seq`);--> statement-breakpoint
CREATE INDEX `locations_key_idx` ON `locations` (`parent_id`,`name_key`);--> statement-breakpoint
ALTER TABLE `boxes` ADD `location_id` integer REFERENCES locations(id);--> statement-breakpoint
CREATE INDEX `boxes_location_id_idx` ON `boxes` (`location_id`);