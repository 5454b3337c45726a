CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`box_code` text,
	`changes` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_box_idx` ON `audit_log` (`box_code`);--> statement-breakpoint
CREATE TABLE `box_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`box_id` integer NOT NULL,
	`doc_date` text NOT NULL,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`pages` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `box_documents_box_idx` ON `box_documents` (`box_id`,`doc_date`);--> statement-breakpoint
CREATE TABLE `box_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`box_id` integer NOT NULL,
	`from_location` text,
	`to_location` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`moved_by` integer NOT NULL,
	`moved_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`moved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `box_moves_box_idx` ON `box_moves` (`box_id`,`id`);--> statement-breakpoint
CREATE TABLE `boxes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`owner_id` integer,
	`volume` integer DEFAULT 1 NOT NULL,
	`year_from` integer,
	`year_to` integer,
	`room` text DEFAULT '' NOT NULL,
	`cabinet` text DEFAULT '' NOT NULL,
	`shelf` text DEFAULT '' NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`confidentiality` text NOT NULL,
	`retention_class` text NOT NULL,
	`retention_years` integer,
	`retention_start` text,
	`status` text DEFAULT 'in_stock' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `boxes_code_uq` ON `boxes` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `boxes_owner_volume_uq` ON `boxes` (`owner_id`,`volume`);--> statement-breakpoint
CREATE INDEX `boxes_status_idx` ON `boxes` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `boxes_kind_idx` ON `boxes` (`kind`,`id`);--> statement-breakpoint
CREATE INDEX `boxes_location_idx` ON `boxes` (`room`,`cabinet`,`shelf`,`position`);--> statement-breakpoint
CREATE TABLE `code_counters` (
	`prefix` text PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `owners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`unit_no` text DEFAULT '' NOT NULL,
	`floor` text DEFAULT '' NOT NULL,
	`business_type` text NOT NULL,
	`contact_person` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`lease_start` text,
	`move_out_date` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `owners_unit_idx` ON `owners` (`unit_no`);--> statement-breakpoint
CREATE INDEX `owners_floor_idx` ON `owners` (`floor`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`password_changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);