-- Catalogue search, filled by the search-index service (it knows how a box's text is assembled).
-- box_fts: trigram index for queries of 3+ characters. box_chars: the same text with every
-- character a token, so 1- and 2-character queries (a surname, 万达) are indexed phrase lookups
-- instead of a scan. Both contentless: the text lives in boxes and owners already.
CREATE VIRTUAL TABLE `box_fts` USING fts5(`text`, tokenize = 'trigram', content = '', contentless_delete = 1);
--> statement-breakpoint
CREATE VIRTUAL TABLE `box_chars` USING fts5(`text`, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1);
--> statement-breakpoint
-- The audit log is append-only (003 §四 3): corrections are new entries, never edits.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
-- INSERT OR REPLACE deletes the old row without firing the DELETE trigger: refuse reused numbers.
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log`
WHEN EXISTS (SELECT 1 FROM `audit_log` WHERE `seq` = NEW.`seq`)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
