-- Owners are told apart by ownerKey(name) (NFKC, brackets, spaces, invisible characters folded), so
-- 翠鸟(成都)… and 翠鸟（成都）… are one owner. SQL cannot compute NFKC: the columns start empty and
-- the runtime fills every empty key on opening (services/owner-keys.ts), in one transaction.
ALTER TABLE `owners` ADD `name_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `owners` ADD `name_key_reversed` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `owners_name_key_idx` ON `owners` (`name_key`);--> statement-breakpoint
CREATE INDEX `owners_name_key_reversed_idx` ON `owners` (`name_key_reversed`);--> statement-breakpoint
-- Phones are stored as digits with an optional leading +. The old rule allowed only ASCII digits,
-- + - ( ) and spaces, so these replacements bring every stored phone to the new form.
UPDATE `owners` SET `phone` = replace(replace(replace(replace(`phone`, ' ', ''), '-', ''), '(', ''), ')', '');--> statement-breakpoint
UPDATE `loans` SET `borrower_phone` = replace(replace(replace(replace(`borrower_phone`, ' ', ''), '-', ''), '(', ''), ')', '');--> statement-breakpoint
-- The search text is now folded like the query (NFKC, one kind of bracket): both indexes start
-- empty, and on opening the search-index check finds them short of the catalogue and rebuilds them.
INSERT INTO `box_fts`(`box_fts`) VALUES ('delete-all');--> statement-breakpoint
INSERT INTO `box_chars`(`box_chars`) VALUES ('delete-all');
