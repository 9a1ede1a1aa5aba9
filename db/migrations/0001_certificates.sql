CREATE TABLE `certificates` (
	`number` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`course_slug` text NOT NULL,
	`learner_name` text NOT NULL,
	`course_title` text NOT NULL,
	`provider` text NOT NULL,
	`cpd_hours` real NOT NULL,
	`approval_statement` text NOT NULL,
	`outcomes` text NOT NULL,
	`lead_educator` text NOT NULL,
	`completed_at` integer NOT NULL,
	`issued_at` integer NOT NULL,
	`revoked_at` integer,
	`revoked_reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_user_course_unique` ON `certificates` (`user_id`,`course_slug`);--> statement-breakpoint
CREATE TABLE `reflections` (
	`user_id` text NOT NULL,
	`course_slug` text NOT NULL,
	`week` integer NOT NULL,
	`learned` text NOT NULL,
	`apply` text NOT NULL,
	`next` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `course_slug`, `week`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
