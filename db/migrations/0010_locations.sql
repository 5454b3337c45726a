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
CREATE TABLE `room_incidents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` integer NOT NULL,
	`risk` text NOT NULL,
	`reading_id` integer,
	`description` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`opened_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`opened_by` integer NOT NULL,
	`closed_at` text,
	`closed_by` integer,
	`follow_up` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reading_id`) REFERENCES `room_readings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `room_incidents_status_idx` ON `room_incidents` (`status`,`room_id`);--> statement-breakpoint
CREATE TABLE `room_readings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` integer NOT NULL,
	`read_at` text NOT NULL,
	`temperature` real NOT NULL,
	`humidity` real NOT NULL,
	`out_of_range` integer NOT NULL,
	`source` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `room_readings_uq` ON `room_readings` (`room_id`,`read_at`);--> statement-breakpoint
ALTER TABLE `boxes` ADD `location_id` integer REFERENCES locations(id);--> statement-breakpoint
CREATE INDEX `boxes_location_id_idx` ON `boxes` (`location_id`);