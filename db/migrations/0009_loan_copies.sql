CREATE TABLE `loan_copies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`loan_id` integer NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`document_ids` text NOT NULL,
	`document_titles` text NOT NULL,
	`pages` integer NOT NULL,
	`copies` integer NOT NULL,
	`made_by` text NOT NULL,
	`made_on` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `loan_copies_loan_idx` ON `loan_copies` (`loan_id`,`id`);