CREATE TABLE `destruction_boxes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`destruction_id` integer NOT NULL,
	`box_id` integer NOT NULL,
	`item_count` integer NOT NULL,
	`retention_end` text NOT NULL,
	FOREIGN KEY (`destruction_id`) REFERENCES `destructions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `destruction_boxes_uq` ON `destruction_boxes` (`destruction_id`,`box_id`);--> statement-breakpoint
CREATE INDEX `destruction_boxes_box_idx` ON `destruction_boxes` (`box_id`);--> statement-breakpoint
CREATE TABLE `destructions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`register_no` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`proposed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`proposed_by` integer NOT NULL,
	`decided_at` text,
	`decided_by` integer,
	`decision_reason` text DEFAULT '' NOT NULL,
	`method` text,
	`method_note` text DEFAULT '' NOT NULL,
	`destroyed_on` text,
	`executor_name` text,
	`supervisor1` text,
	`supervisor2` text,
	`executed_at` text,
	`executed_by` integer,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`executed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `destructions_no_uq` ON `destructions` (`register_no`);--> statement-breakpoint
CREATE INDEX `destructions_status_idx` ON `destructions` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inspection_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`box_id` integer NOT NULL,
	`findings` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`owner` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer NOT NULL,
	`closed_at` text,
	`closed_by` integer,
	`resolution` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `inspection_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_ups_status_idx` ON `follow_ups` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `follow_ups_item_idx` ON `follow_ups` (`item_id`);--> statement-breakpoint
CREATE TABLE `holds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`box_id` integer NOT NULL,
	`reason` text NOT NULL,
	`placed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`placed_by` integer NOT NULL,
	`lifted_at` text,
	`lifted_by` integer,
	`lift_reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`placed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lifted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `holds_box_idx` ON `holds` (`box_id`,`lifted_at`);--> statement-breakpoint
CREATE TABLE `inspection_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inspection_id` integer NOT NULL,
	`box_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`present` integer,
	`complete` integer,
	`correctly_filed` integer,
	`condition` text,
	`note` text DEFAULT '' NOT NULL,
	`checked_at` text,
	`checked_by` integer,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_items_uq` ON `inspection_items` (`inspection_id`,`box_id`);--> statement-breakpoint
CREATE INDEX `inspection_items_seq_idx` ON `inspection_items` (`inspection_id`,`seq`);--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`month` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`started_by` integer NOT NULL,
	`completed_at` text,
	`completed_by` integer,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`completed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspections_month_uq` ON `inspections` (`month`);--> statement-breakpoint
CREATE TABLE `transfer_boxes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`transfer_id` integer NOT NULL,
	`box_id` integer NOT NULL,
	`item_count` integer NOT NULL,
	`remarks` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`transfer_id`) REFERENCES `transfers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transfer_boxes_uq` ON `transfer_boxes` (`transfer_id`,`box_id`);--> statement-breakpoint
CREATE INDEX `transfer_boxes_box_idx` ON `transfer_boxes` (`box_id`);--> statement-breakpoint
CREATE TABLE `transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`transfer_no` text NOT NULL,
	`from_department` text NOT NULL,
	`to_department` text NOT NULL,
	`reason` text NOT NULL,
	`personnel_move_date` text,
	`status` text DEFAULT 'requested' NOT NULL,
	`requested_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`requested_by` integer NOT NULL,
	`decided_at` text,
	`decided_by` integer,
	`decision_reason` text DEFAULT '' NOT NULL,
	`cancelled_at` text,
	`cancelled_by` integer,
	`handover_user_id` integer,
	`handover_name` text,
	`handover_signature` text,
	`receiver_user_id` integer,
	`receiver_name` text,
	`receiver_signature` text,
	`signed_at` text,
	`signed_recorded_by` integer,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handover_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receiver_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transfers_no_uq` ON `transfers` (`transfer_no`);--> statement-breakpoint
CREATE INDEX `transfers_status_idx` ON `transfers` (`status`,`id`);--> statement-breakpoint
ALTER TABLE `boxes` ADD `custodian_department` text DEFAULT '' NOT NULL;