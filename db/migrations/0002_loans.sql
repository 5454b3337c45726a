CREATE TABLE `incidents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`box_id` integer NOT NULL,
	`loan_id` integer,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`responsible` text NOT NULL,
	`follow_up` text DEFAULT '' NOT NULL,
	`missing_document_ids` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer NOT NULL,
	`closed_at` text,
	`closed_by` integer,
	`resolution` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incidents_box_status_idx` ON `incidents` (`box_id`,`status`);--> statement-breakpoint
CREATE INDEX `incidents_status_idx` ON `incidents` (`status`);--> statement-breakpoint
CREATE TABLE `loan_renewals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`loan_id` integer NOT NULL,
	`days` integer NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'requested' NOT NULL,
	`requested_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`requested_by` integer NOT NULL,
	`decided_at` text,
	`decided_by` integer,
	`decision_reason` text DEFAULT '' NOT NULL,
	`new_due_date` text,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `loan_renewals_loan_idx` ON `loan_renewals` (`loan_id`,`id`);--> statement-breakpoint
CREATE INDEX `loan_renewals_status_idx` ON `loan_renewals` (`status`);--> statement-breakpoint
CREATE TABLE `loans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`loan_no` text NOT NULL,
	`box_id` integer NOT NULL,
	`borrower_user_id` integer,
	`borrower_name` text NOT NULL,
	`borrower_department` text DEFAULT '' NOT NULL,
	`borrower_phone` text DEFAULT '' NOT NULL,
	`purpose` text NOT NULL,
	`loan_type` text NOT NULL,
	`days` integer NOT NULL,
	`copy_requested` integer NOT NULL,
	`copy_allowed` integer DEFAULT false NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'requested' NOT NULL,
	`requested_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`requested_by` integer NOT NULL,
	`decided_at` text,
	`decided_by` integer,
	`decision_reason` text DEFAULT '' NOT NULL,
	`handed_out_at` text,
	`handed_out_by` integer,
	`due_date` text,
	`returned_at` text,
	`received_by` integer,
	`return_condition` text,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`borrower_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handed_out_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loans_loan_no_uq` ON `loans` (`loan_no`);--> statement-breakpoint
CREATE INDEX `loans_box_idx` ON `loans` (`box_id`,`id`);--> statement-breakpoint
CREATE INDEX `loans_borrower_user_idx` ON `loans` (`borrower_user_id`,`id`);--> statement-breakpoint
CREATE INDEX `loans_borrower_name_idx` ON `loans` (`borrower_name`,`id`);--> statement-breakpoint
CREATE INDEX `loans_status_due_idx` ON `loans` (`status`,`due_date`);