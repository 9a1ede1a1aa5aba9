CREATE TABLE `thread_stamps` (
	`course_slug` text NOT NULL,
	`step_id` text NOT NULL,
	`stamp` integer NOT NULL,
	PRIMARY KEY(`course_slug`, `step_id`)
);
--> statement-breakpoint
-- Written by hand after the generated table: the triggers that keep each step's stamp (see db/schema.ts).
CREATE TRIGGER `thread_stamp_comment_insert` AFTER INSERT ON `comments` BEGIN
	INSERT INTO `thread_stamps` (`course_slug`, `step_id`, `stamp`) VALUES (NEW.`course_slug`, NEW.`step_id`, 1)
	ON CONFLICT (`course_slug`, `step_id`) DO UPDATE SET `stamp` = `stamp` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `thread_stamp_comment_update` AFTER UPDATE ON `comments` BEGIN
	INSERT INTO `thread_stamps` (`course_slug`, `step_id`, `stamp`) VALUES (NEW.`course_slug`, NEW.`step_id`, 1)
	ON CONFLICT (`course_slug`, `step_id`) DO UPDATE SET `stamp` = `stamp` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `thread_stamp_comment_delete` AFTER DELETE ON `comments` BEGIN
	INSERT INTO `thread_stamps` (`course_slug`, `step_id`, `stamp`) VALUES (OLD.`course_slug`, OLD.`step_id`, 1)
	ON CONFLICT (`course_slug`, `step_id`) DO UPDATE SET `stamp` = `stamp` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `thread_stamp_author_update` AFTER UPDATE OF `name`, `profession`, `role` ON `users` BEGIN
	INSERT INTO `thread_stamps` (`course_slug`, `step_id`, `stamp`)
	SELECT DISTINCT `course_slug`, `step_id`, 1 FROM `comments` WHERE `user_id` = NEW.`id`
	ON CONFLICT (`course_slug`, `step_id`) DO UPDATE SET `stamp` = `stamp` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `thread_stamp_educator_insert` AFTER INSERT ON `course_educators` BEGIN
	INSERT INTO `thread_stamps` (`course_slug`, `step_id`, `stamp`)
	SELECT DISTINCT `course_slug`, `step_id`, 1 FROM `comments` WHERE `user_id` = NEW.`user_id` AND `course_slug` = NEW.`course_slug`
	ON CONFLICT (`course_slug`, `step_id`) DO UPDATE SET `stamp` = `stamp` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `thread_stamp_educator_delete` AFTER DELETE ON `course_educators` BEGIN
	INSERT INTO `thread_stamps` (`course_slug`, `step_id`, `stamp`)
	SELECT DISTINCT `course_slug`, `step_id`, 1 FROM `comments` WHERE `user_id` = OLD.`user_id` AND `course_slug` = OLD.`course_slug`
	ON CONFLICT (`course_slug`, `step_id`) DO UPDATE SET `stamp` = `stamp` + 1;
END;
