ALTER TABLE `loans` ADD `imported` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `loans` ADD `paper_approver` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `loans` ADD `paper_handler` text DEFAULT '' NOT NULL;