-- box_chars tokenised letters, digits and private-use characters only (unicode61's default), so an
-- emoji, a flag or a symbol such as ¥ was dropped from the text and from a 1–2 character query alike,
-- and 🔥 found nothing. Symbols (S*) are now tokens too. The index starts empty; on opening, the
-- search-index check finds it short of the catalogue and rebuilds it.
DROP TABLE `box_chars`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `box_chars` USING fts5(`text`, tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co S*'", content = '', contentless_delete = 1);
